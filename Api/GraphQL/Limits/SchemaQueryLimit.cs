using GraphQLParser;
using GraphQLParser.AST;

namespace IoTStack.Api.GraphQL.Limits;

/// <summary>
/// What bounds a query of the schema alone (<c>__schema</c>, <c>__type</c>, as IDEs send it) in place of the complexity
/// estimate, which assumes every list holds <see cref="QueryLimits.AssumedListSize"/> items and so prices GraphiQL's
/// schema query at about 250,000. The real cost grows with how often a query re-enters the schema through a type's
/// lists (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>): IDEs do it once or twice;
/// within <see cref="MaxReentries"/> the work stays proportional to the size of the schema. GraphQL.NET has no such
/// rule, so it is ours (graphql-js's MaxIntrospectionDepthRule does the same).
/// </summary>
public static class SchemaQueryLimit
{
    public const int MaxReentries = 3;

    private static readonly string[] ReenteringFields = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public static bool IsSchemaQuery(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(selection => selection is GraphQLField field && field.Name.Value.Span.StartsWith("__"));

    /// <summary>The most re-entries along any path of the selection, fragments included.</summary>
    public static int Reentries(GraphQLDocument document, GraphQLSelectionSet? selections, int nesting = 0)
    {
        if (selections is null)
        {
            return 0;
        }

        // Fragment cycles are refused by another rule of the same pass; this walk must still end.
        if (nesting > 64)
        {
            return MaxReentries + 1;
        }

        return selections.Selections.Select(selection => selection switch
        {
            GraphQLField field => Reentries(document, field.SelectionSet, nesting + 1) + (ReenteringFields.Contains(field.Name.StringValue) ? 1 : 0),
            GraphQLInlineFragment inline => Reentries(document, inline.SelectionSet, nesting + 1),
            GraphQLFragmentSpread spread => Reentries(document, document.FindFragmentDefinition(spread.FragmentName.Name.Value)?.SelectionSet, nesting + 1),
            _ => 0,
        }).DefaultIfEmpty(0).Max();
    }
}
