using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace IoTStack.Api.GraphQL.Transport;

/// <summary>Reads a GraphQL request from a POST body (JSON) or from GET query parameters.</summary>
public sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer)
{
    /// <summary>The request, or the problem that makes it not a GraphQL request (with its HTTP status).</summary>
    public async Task<(GraphQLRequest? Request, int Status, string? Problem)> ReadAsync(HttpRequest http)
    {
        if (HttpMethods.IsGet(http.Method))
        {
            return Parse(() => new GraphQLRequest
            {
                Query = http.Query["query"],
                OperationName = http.Query["operationName"],
                Variables = Deserialize<Inputs>(http.Query["variables"]),
                Extensions = Deserialize<Inputs>(http.Query["extensions"]),
            });
        }

        if (!string.Equals(http.ContentType?.Split(';')[0].Trim(), GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "POST /graphql takes a JSON body (Content-Type: application/json).");
        }

        try
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(http.Body, http.HttpContext.RequestAborted);
            return Parse(() => request ?? throw new JsonException("The body is null."));
        }
        catch (JsonException exception)
        {
            return (null, StatusCodes.Status400BadRequest, "The body is not a GraphQL request: " + exception.Message);
        }
    }

    private T? Deserialize<T>(string? json) => string.IsNullOrEmpty(json) ? default : serializer.Deserialize<T>(json);

    private static (GraphQLRequest?, int, string?) Parse(Func<GraphQLRequest> read)
    {
        try
        {
            var request = read();
            return string.IsNullOrWhiteSpace(request.Query)
                ? (null, StatusCodes.Status400BadRequest, "The request has no 'query'.")
                : (request, StatusCodes.Status200OK, null);
        }
        catch (JsonException exception)
        {
            return (null, StatusCodes.Status400BadRequest, "'variables' or 'extensions' is not a JSON object: " + exception.Message);
        }
    }
}
