namespace IoTStack.Ingest.Pipeline;

/// <summary>A message exactly as it arrived, stamped with its correlation id the moment it was read.</summary>
/// <param name="Source">The gateway: <c>http</c>, <c>websocket</c> or <c>mqtt</c>.</param>
/// <param name="Device">The device id the sender addressed (path, topic, user name), when it named one.</param>
/// <param name="Route">The HTTP path or MQTT topic.</param>
public sealed record IncomingMessage(
    Guid CorrelationId,
    DateTimeOffset ReceivedAt,
    string Source,
    string? Device,
    string Route,
    string? ContentType,
    ReadOnlyMemory<byte> Payload)
{
    public static IncomingMessage Arrived(TimeProvider clock, string source, string? device, string route, string? contentType, ReadOnlyMemory<byte> payload) =>
        new(Guid.CreateVersion7(), clock.GetUtcNow(), source, device, route, contentType, payload);
}
