using System.Buffers;
using System.Net.WebSockets;

namespace IoTStack.Ingest.Http;

/// <summary>Reads whole messages from a socket; an oversized one is drained and reported rather than buffered.</summary>
public sealed class WebSocketMessages(WebSocket socket, int limit)
{
    /// <returns>The next message, or null once the peer closed.</returns>
    public async Task<WebSocketMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var tooLarge = false;
        while (true)
        {
            ValueWebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                return null;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return null;
            }

            if (!tooLarge)
            {
                buffer.Advance(received.Count);
                tooLarge = buffer.WrittenCount > limit;
            }

            if (received.EndOfMessage)
            {
                var payload = tooLarge ? buffer.WrittenMemory[..Math.Min(buffer.WrittenCount, RequestBody.KeptPrefixOfOversized)] : buffer.WrittenMemory;
                return new WebSocketMessage(payload, received.MessageType == WebSocketMessageType.Binary, tooLarge);
            }
        }
    }
}
