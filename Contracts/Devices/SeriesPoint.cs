namespace IoTStack.Contracts.Devices;

/// <summary>A stored point of a logical device's series (a number or a text reading) with the message it came in.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesPoint(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] double? Value,
    [property: Id(3)] string? Text,
    [property: Id(4)] long PhysicalUid,
    [property: Id(5)] Guid CorrelationId);
