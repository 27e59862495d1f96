using System.Net.WebSockets;
using System.Text;

namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>An ASP.NET Core WebSocket as a text channel; sends are serialised because a WebSocket allows one writer at a time.</summary>
public sealed class WebSocketTextChannel(WebSocket socket, int maxMessageBytes = 1 << 20) : IWebSocketTextChannel, IDisposable
{
    public void Dispose() => sending.Dispose();

    private readonly SemaphoreSlim sending = new(1, 1);

    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > maxMessageBytes)
            {
                throw new InvalidDataException($"A message may hold at most {maxMessageBytes} bytes.");
            }

            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    public async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        finally
        {
            sending.Release();
        }
    }

    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync((WebSocketCloseStatus)code, reason, cancellationToken);
            }
        }
        finally
        {
            sending.Release();
        }
    }
}
