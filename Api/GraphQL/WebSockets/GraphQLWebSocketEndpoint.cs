using System.Net.WebSockets;
using GraphQL;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Transport;

namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>Accepts <c>graphql-transport-ws</c> connections at <c>/graphql</c> and runs a session on each.</summary>
public sealed class GraphQLWebSocketEndpoint(
    IGraphQLTextSerializer serializer,
    IServiceScopeFactory scopes,
    GraphQLRequestExecutor executor,
    CallerAuthenticator authenticator,
    IHostApplicationLifetime lifetime)
{
    public static readonly TimeSpan InitialisationTimeout = TimeSpan.FromSeconds(10);

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(TransportWs.SubProtocol))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            using var refusal = new WebSocketTextChannel(refused);
            await refusal.CloseAsync(TransportWs.SubprotocolNotAcceptable, "Subprotocol not acceptable", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(TransportWs.SubProtocol);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var channel = new WebSocketTextChannel(socket);
        var session = new TransportWsSession(
            channel, serializer, scopes,
            (request, caller, services, cancellationToken) => executor.ExecuteAsync(request, caller, services, streaming: true, cancellationToken),
            authenticator.AuthenticateAsync,
            InitialisationTimeout);
        await session.RunAsync(stopping.Token);

        // Completes the closing handshake the client started (or closes a socket the server is leaving).
        await channel.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
    }
}
