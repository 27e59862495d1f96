using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>Runs a GraphQL request in a fresh service scope for a caller; the scope lives as long as the operation.</summary>
public delegate Task<ExecutionResult> ExecuteOperation(GraphQLRequest request, ClaimsPrincipal caller, IServiceProvider services, CancellationToken cancellationToken);

/// <summary>Turns the credential sent in <c>connection_init</c> into a caller, or null when it is not valid.</summary>
public delegate Task<ClaimsPrincipal?> AuthenticateConnection(string credential, CancellationToken cancellationToken);

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
    private static readonly string[] CredentialKeys = ["authorization", "Authorization", "token", "apiKey"];

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
                await operation.CancelAsync();
            }
        }
    }

    /// <summary>Handles one client message; false when the connection was closed because of it.</summary>
    private async Task<bool> HandleAsync(string text, CancellationToken cancellationToken)
    {
        if (!TryParse(text, out var type, out var id, out var payload))
        {
            return await CloseAsync(TransportWs.BadRequest, "Invalid message received", cancellationToken);
        }

        switch (type)
        {
            case TransportWs.ConnectionInit:
                return await InitialiseAsync(payload, cancellationToken);
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
                    await operation.CancelAsync();
                }

                return true;
            default:
                return await CloseAsync(TransportWs.BadRequest, "Invalid message received", cancellationToken);
        }
    }

    private async Task<bool> InitialiseAsync(JsonElement? payload, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref initialised, 1) == 1)
        {
            return await CloseAsync(TransportWs.TooManyInitialisationRequests, "Too many initialisation requests", cancellationToken);
        }

        var credential = CredentialOf(payload);
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

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request?.Query is null)
        {
            operations.TryRemove(id, out _);
            return await CloseAsync(TransportWs.BadRequest, "Invalid message received", cancellationToken);
        }

        _ = RunOperationAsync(id, request, operation);
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource operation)
    {
        var token = operation.Token;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await execute(request, caller!, scope.ServiceProvider, token);
            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(id, streams.Values.First(), token);
            }
            else if (!result.Executed && result.Errors is { Count: > 0 } errors)
            {
                await SendAsync(new OperationMessage { Id = id, Type = TransportWs.Error, Payload = errors }, token);
                return;
            }
            else
            {
                await SendAsync(new OperationMessage { Id = id, Type = TransportWs.Next, Payload = result }, token);
            }

            await SendAsync(new OperationMessage { Id = id, Type = TransportWs.Complete }, token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client completed the operation or left: nothing more to send.
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

    /// <summary>Forwards a subscription's events in order, through a queue so the observable never waits on the socket.</summary>
    private async Task StreamAsync(string id, IObservable<ExecutionResult> stream, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = stream.Subscribe(new QueueingObserver(queue.Writer));
        await foreach (var result in queue.Reader.ReadAllAsync(cancellationToken))
        {
            await SendAsync(new OperationMessage { Id = id, Type = TransportWs.Next, Payload = result }, cancellationToken);
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

    private Task SendAsync(OperationMessage message, CancellationToken cancellationToken) =>
        channel.SendAsync(serializer.Serialize(message), cancellationToken);

    private async Task<bool> CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await channel.CloseAsync(code, reason, cancellationToken);
        return false;
    }

    private static string? CredentialOf(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } values)
        {
            return null;
        }

        foreach (var key in CredentialKeys)
        {
            if (values.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } credential)
            {
                return key == "apiKey" ? "ApiKey " + credential : credential;
            }
        }

        return null;
    }

    private static bool TryParse(string text, out string? type, out string? id, out JsonElement? payload)
    {
        type = id = null;
        payload = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            type = typeElement.GetString();
            id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            payload = root.TryGetProperty("payload", out var payloadElement) ? payloadElement.Clone() : null;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed class QueueingObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnError(Exception error) => writer.TryComplete();

        public void OnCompleted() => writer.TryComplete();
    }
}
