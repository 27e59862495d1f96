using GraphQL;
using GraphQLParser.AST;
using IoTStack.Api.GraphQL.Ide;
using IoTStack.Api.GraphQL.WebSockets;

namespace IoTStack.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>: POST (queries, mutations) and GET (queries only), plus the WebSocket
/// upgrade for subscriptions and the IDE page for browsers. GraphQL.NET's server package is not served, so this thin transport is ours.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string Path = "/graphql";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        endpoints.MapGet(Path, (HttpContext context) =>
            context.WebSockets.IsWebSocketRequest ? context.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint>().AcceptAsync(context)
            : GraphQLIde.IsWantedBy(context.Request) ? GraphQLIde.ServePageAsync(context)
            : HandleAsync(context));
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var mediaType = GraphQLMediaTypes.Negotiate(context.Request.GetTypedHeaders().Accept);
        if (mediaType is null)
        {
            await Problem(context, StatusCodes.Status406NotAcceptable, $"Accept {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.");
            return;
        }

        var (request, status, problem) = await context.RequestServices.GetRequiredService<GraphQLHttpRequestReader>().ReadAsync(context.Request);
        if (request is null)
        {
            await Problem(context, status, problem!);
            return;
        }

        switch (OperationKind.Of(request.Query, request.OperationName))
        {
            case OperationType.Mutation when HttpMethods.IsGet(context.Request.Method):
                context.Response.Headers.Allow = "POST";
                await Problem(context, StatusCodes.Status405MethodNotAllowed, "Mutations must be sent with POST.");
                return;
            case OperationType.Subscription:
                await Problem(context, StatusCodes.Status400BadRequest, "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.");
                return;
        }

        var result = await context.RequestServices.GetRequiredService<GraphQLRequestExecutor>().ExecuteAsync(
            request, context.User, context.RequestServices, streaming: false, context.RequestAborted);
        context.Response.StatusCode = GraphQLResponseStatus.Of(result, mediaType);
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await context.RequestServices.GetRequiredService<IGraphQLSerializer>().WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(statusCode: status, detail: detail).ExecuteAsync(context);
}
