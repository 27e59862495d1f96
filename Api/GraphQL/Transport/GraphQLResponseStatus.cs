using GraphQL;

namespace IoTStack.Api.GraphQL.Transport;

/// <summary>
/// The HTTP status of a GraphQL response (GraphQL-over-HTTP): a request that executed is 200, even with field errors.
/// One that never executed (unparseable, invalid) is 400 with <c>application/graphql-response+json</c> and 200 with
/// legacy <c>application/json</c>. Authentication failures are 401 with either type (and authorisation failures 403
/// with the GraphQL type), so HTTP-level clients and proxies see them for what they are.
/// </summary>
public static class GraphQLResponseStatus
{
    public static int Of(ExecutionResult result, string mediaType)
    {
        if (result.Executed || result.Errors is not { Count: > 0 } errors)
        {
            return StatusCodes.Status200OK;
        }

        if (errors.All(error => error.Code == ApiErrors.Unauthenticated))
        {
            return StatusCodes.Status401Unauthorized;
        }

        if (mediaType != GraphQLMediaTypes.GraphQLResponse)
        {
            return StatusCodes.Status200OK;
        }

        return errors.All(error => error.Code is ApiErrors.Unauthenticated or ApiErrors.Forbidden)
            ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
    }
}
