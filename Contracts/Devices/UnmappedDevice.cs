namespace IoTStack.Contracts.Devices;

/// <summary>A physical device with no open mapping, and the data it sent while unmapped (IoTa's <c>pd lum</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record UnmappedDevice(
    [property: Id(0)] long PhysicalUid,
    [property: Id(1)] string Source,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset? LastSeen,
    [property: Id(4)] DateTimeOffset? UnmappedFirstSeen,
    [property: Id(5)] DateTimeOffset? UnmappedLastSeen,
    [property: Id(6)] long UnmappedMessageCount);
