using System.Text.Json;
using System.Threading.Channels;
using IoTStack.Api.GraphQL.WebSockets;

namespace IoTStack.Api.Tests;

/// <summary>The client's end of a WebSocket, in memory: what the test sends, what the server sent, how it closed.</summary>
public sealed class FakeTextChannel : IWebSocketTextChannel
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly Channel<string?> inbound = Channel.CreateUnbounded<string?>();
    private readonly Channel<string> outbound = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource<int> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Send(string message) => inbound.Writer.TryWrite(message);

    public void SendJson(object message) => Send(JsonSerializer.Serialize(message));

    /// <summary>The next message the server sent, as JSON; fails after the deadline.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var text = await outbound.Reader.ReadAsync(timeout.Token);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The close code the server closed with; fails after the deadline.</summary>
    public Task<int> ClosedAsync() => closed.Task.WaitAsync(Deadline);

    public void Disconnect() => inbound.Writer.TryWrite(null);

    async Task<string?> IWebSocketTextChannel.ReceiveAsync(CancellationToken cancellationToken) =>
        await inbound.Reader.ReadAsync(cancellationToken);

    Task IWebSocketTextChannel.SendAsync(string message, CancellationToken cancellationToken)
    {
        outbound.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    Task IWebSocketTextChannel.CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        closed.TrySetResult(code);
        inbound.Writer.TryWrite(null);
        return Task.CompletedTask;
    }
}
