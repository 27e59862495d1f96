namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>Text messages in and out of one WebSocket; the protocol session needs nothing more (and tests fake it).</summary>
public interface IWebSocketTextChannel
{
    /// <summary>The next text message, or null once the peer closed.</summary>
    Task<string?> ReceiveAsync(CancellationToken cancellationToken);

    Task SendAsync(string message, CancellationToken cancellationToken);

    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);
}
