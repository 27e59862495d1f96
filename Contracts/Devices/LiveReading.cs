namespace IoTStack.Contracts.Devices;

/// <summary>
/// What a logical device publishes on its live stream once a message's points are committed:
/// every accepted point of one message, in one item so a busy device costs one stream event per message.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LiveReading(
    [property: Id(0)] long LogicalUid,
    [property: Id(1)] long PhysicalUid,
    [property: Id(2)] Guid CorrelationId,
    [property: Id(3)] IReadOnlyList<SeriesPoint> Points);
