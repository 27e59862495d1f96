namespace IoTStack.Ingest.Decoding;

/// <summary>What a decoder may check a payload against.</summary>
/// <param name="PhysicalUid">The device the message is for (already authorised).</param>
/// <param name="AddressedDevice">The device id named in the path or topic, when there is one.</param>
/// <param name="ReceivedAt">Default timestamp for readings without one.</param>
/// <param name="LatestAllowed">Timestamps after this are far-future and rejected.</param>
public sealed record DecodeContext(long PhysicalUid, string? AddressedDevice, DateTimeOffset ReceivedAt, DateTimeOffset LatestAllowed);
