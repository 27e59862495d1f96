namespace IoTStack.Ingest.Http;

/// <summary>One whole WebSocket message (frames joined), cut off at the size limit.</summary>
public sealed record WebSocketMessage(ReadOnlyMemory<byte> Payload, bool Binary, bool TooLarge);
