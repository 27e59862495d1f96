using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using IoTStack.Api.GraphQL.Limits;
using Microsoft.Extensions.Options;

namespace IoTStack.Api.GraphQL.Transport;

/// <summary>Runs one GraphQL request for a caller, the same way over HTTP and over WebSocket.</summary>
public sealed class GraphQLRequestExecutor(IDocumentExecuter<IoTStackSchema> executer, IOptions<QueryLimits> limits)
{
    /// <param name="services">The request's scope: resolvers and DataLoaders live in it.</param>
    /// <param name="streaming">
    /// True over WebSocket, where a subscription streams for as long as the client stays: the request timeout would
    /// end it, so it only applies to queries and mutations sent over HTTP.
    /// </param>
    public Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, ClaimsPrincipal caller, IServiceProvider services, bool streaming, CancellationToken cancellationToken) =>
        executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.User = caller;
            options.RequestServices = services;
            options.CancellationToken = cancellationToken;
            if (!streaming)
            {
                options.Timeout = limits.Value.RequestTimeout;
                options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
            }
        });
}
