namespace IoTStack.Contracts.Devices;

/// <summary>One row of the mapping history: the physical device fed the logical device from start until end (open when null).</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceMapping(
    [property: Id(0)] long PhysicalUid,
    [property: Id(1)] long LogicalUid,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset? End)
{
    public bool IsOpen => End is null;

    /// <summary>Whether a message stamped <paramref name="time"/> belongs to this mapping: start inclusive, end exclusive.</summary>
    public bool Covers(DateTimeOffset time) => Start <= time && (End is null || time < End);
}
