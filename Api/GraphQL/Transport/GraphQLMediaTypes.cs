using Microsoft.Net.Http.Headers;

namespace IoTStack.Api.GraphQL.Transport;

/// <summary>Content negotiation of GraphQL over HTTP.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response media type the Accept header allows, preferring the GraphQL one; a missing Accept header means
    /// <c>application/json</c> (the spec's rule for legacy clients). Null when neither is acceptable (406).
    /// </summary>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return Json;
        }

        var acceptable = accept.Where(type => type.Quality is null or > 0).ToList();
        if (acceptable.Any(type => type.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase)))
        {
            return GraphQLResponse;
        }

        if (acceptable.Any(type => type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)))
        {
            return Json;
        }

        return acceptable.Any(type => type.MediaType.Equals("*/*", StringComparison.Ordinal) || type.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            ? GraphQLResponse
            : null;
    }
}
