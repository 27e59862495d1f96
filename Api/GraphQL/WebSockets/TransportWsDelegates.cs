using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;

namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>Runs a GraphQL request in a fresh service scope for a caller; the scope lives as long as the operation.</summary>
public delegate Task<ExecutionResult> ExecuteOperation(GraphQLRequest request, ClaimsPrincipal caller, IServiceProvider services, CancellationToken cancellationToken);

/// <summary>Turns the credential sent in <c>connection_init</c> into a caller, or null when it is not valid.</summary>
public delegate Task<ClaimsPrincipal?> AuthenticateConnection(string credential, CancellationToken cancellationToken);
