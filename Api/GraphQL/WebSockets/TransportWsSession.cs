using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>
/// One <c>graphql-transport-ws</c> connection: connection_init (with the caller's token) → connection_ack, ping/pong,
/// then any number of concurrent operations (subscribe → next* → complete, or error), each cancellable by the
/// client's complete. Protocol violations close the socket with the protocol's close codes.
/// </summary>
public sealed class TransportWsSession(
    IWebSocketTextChannel channel,
    IGraphQLTextSerializer serializer,
    IServiceScopeFactory scopes,
    ExecuteOperation execute,
    AuthenticateConnection authenticate,
    TimeSpan initialisationTimeout)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> operations = new();
    private ClaimsPrincipal? caller;
    private int initialised;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = CloseUnlessInitialisedAsync(lifetime);
        try
        {
            while (await channel.ReceiveAsync(lifetime.Token) is { } text && await HandleAsync(text, lifetime.Token))
            {
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or InvalidDataException)
        {
            // The peer went away, the server is stopping, or a message was too large: the connection ends either way.
        }
        finally
        {
            await lifetime.CancelAsync();
            foreach (var operation in operations.Values)
            {
                await CancelQuietlyAsync(operation);
            }
        }
    }

    /// <summary>Handles one client message; false when the connection was closed because of it.</summary>
    private async Task<bool> HandleAsync(string text, CancellationToken cancellationToken)
    {
        if (!ClientMessage.TryParse(text, out var message))
        {
            return await CloseAsync(TransportWs.BadRequest, "Invalid message received", cancellationToken);
        }

        var (type, id, payload) = message;
        switch (type)
        {
            case TransportWs.ConnectionInit:
                return await InitialiseAsync(message.Credential(), cancellationToken);
            case TransportWs.Ping:
                await SendAsync(new OperationMessage { Type = TransportWs.Pong }, cancellationToken);
                return true;
            case TransportWs.Pong:
                return true;
            case TransportWs.Subscribe when caller is null:
                return await CloseAsync(TransportWs.Unauthorized, "Unauthorized", cancellationToken);
            case TransportWs.Subscribe when id is null || payload is not { ValueKind: JsonValueKind.Object }:
                return await CloseAsync(TransportWs.BadRequest, "Invalid message received", cancellationToken);
            case TransportWs.Subscribe:
                return await StartAsync(id, payload.Value, cancellationToken);
            case TransportWs.Complete when id is not null:
                if (operations.TryRemove(id, out var operation))
                {
                    await CancelQuietlyAsync(operation);
                }

                return true;
            default:
                return await CloseAsync(TransportWs.BadRequest, "Invalid message received", cancellationToken);
        }
    }

    private async Task<bool> InitialiseAsync(string? credential, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref initialised, 1) == 1)
        {
            return await CloseAsync(TransportWs.TooManyInitialisationRequests, "Too many initialisation requests", cancellationToken);
        }

        var authenticated = credential is null ? new ClaimsPrincipal(new ClaimsIdentity()) : await authenticate(credential, cancellationToken);
        if (authenticated is null)
        {
            return await CloseAsync(TransportWs.Forbidden, "Forbidden", cancellationToken);
        }

        caller = authenticated;
        await SendAsync(new OperationMessage { Type = TransportWs.ConnectionAck }, cancellationToken);
        return true;
    }

    private async Task<bool> StartAsync(string id, JsonElement payload, CancellationToken cancellationToken)
    {
        var operation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!operations.TryAdd(id, operation))
        {
            operation.Dispose();
            return await CloseAsync(TransportWs.SubscriberAlreadyExists, $"Subscriber for {id} already exists", cancellationToken);
        }

        if (!ClientMessage.TryReadRequest(payload, serializer, out var request))
        {
            operations.TryRemove(id, out _);
            return await CloseAsync(TransportWs.BadRequest, "Invalid message received", cancellationToken);
        }

        _ = RunOperationAsync(id, request!, operation);
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource operation)
    {
        try
        {
            await new TransportWsOperation(id, request, caller!, SendAsync).RunAsync(scopes, execute, operation.Token);
        }
        finally
        {
            if (operations.TryGetValue(id, out var current) && current == operation)
            {
                operations.TryRemove(id, out _);
            }

            operation.Dispose();
        }
    }

    private async Task CloseUnlessInitialisedAsync(CancellationTokenSource lifetime)
    {
        try
        {
            await Task.Delay(initialisationTimeout, lifetime.Token);
            if (Volatile.Read(ref initialised) == 0)
            {
                await CloseAsync(TransportWs.InitialisationTimeout, "Connection initialisation timeout", lifetime.Token);
                await lifetime.CancelAsync();
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or WebSocketException)
        {
        }
    }

    /// <summary>An operation that ends on its own disposes its token source; cancelling it then is a no-op, not an error.</summary>
    private static async Task CancelQuietlyAsync(CancellationTokenSource operation)
    {
        try
        {
            await operation.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private Task SendAsync(OperationMessage message, CancellationToken cancellationToken) =>
        channel.SendAsync(serializer.Serialize(message), cancellationToken);

    private async Task<bool> CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await channel.CloseAsync(code, reason, cancellationToken);
        return false;
    }
}
