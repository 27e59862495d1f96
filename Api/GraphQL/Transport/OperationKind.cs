using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace IoTStack.Api.GraphQL.Transport;

/// <summary>
/// Which kind of operation a request would run, known before running it: GET may not mutate, and subscriptions
/// need a WebSocket. Null when the document does not parse or names no such operation (execution reports why).
/// </summary>
public static class OperationKind
{
    public static OperationType? Of(string? query, string? operationName)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = string.IsNullOrEmpty(operationName)
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(candidate => candidate.Name?.StringValue == operationName);
        return operation?.Operation;
    }
}
