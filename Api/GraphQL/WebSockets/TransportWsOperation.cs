using System.Net.WebSockets;
using System.Security.Claims;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>
/// One operation of a connection: runs the request in its own service scope and sends its results —
/// <c>next</c>* then <c>complete</c>, or a single <c>error</c> when the request is invalid. Cancelled when the client
/// completes it or the connection ends; then it sends nothing more.
/// </summary>
public sealed class TransportWsOperation(string id, GraphQLRequest request, ClaimsPrincipal caller, Func<OperationMessage, CancellationToken, Task> send)
{
    public async Task RunAsync(IServiceScopeFactory scopes, ExecuteOperation execute, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await execute(request, caller, scope.ServiceProvider, cancellationToken);
            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(streams.Values.First(), cancellationToken);
            }
            else if (!result.Executed && result.Errors is { Count: > 0 } errors)
            {
                await send(new OperationMessage { Id = id, Type = TransportWs.Error, Payload = errors }, cancellationToken);
                return;
            }
            else
            {
                await send(new OperationMessage { Id = id, Type = TransportWs.Next, Payload = result }, cancellationToken);
            }

            await send(new OperationMessage { Id = id, Type = TransportWs.Complete }, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client completed the operation or left: nothing more to send.
        }
    }

    /// <summary>Forwards a subscription's events in order, through a queue so the observable never waits on the socket.</summary>
    private async Task StreamAsync(IObservable<ExecutionResult> stream, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = stream.Subscribe(new QueueingObserver(queue.Writer));
        await foreach (var result in queue.Reader.ReadAllAsync(cancellationToken))
        {
            await send(new OperationMessage { Id = id, Type = TransportWs.Next, Payload = result }, cancellationToken);
        }
    }

    private sealed class QueueingObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        public void OnError(Exception error) => writer.TryComplete();

        public void OnCompleted() => writer.TryComplete();
    }
}
