using IoTStack.Contracts;

namespace IoTStack.Ingest.Decoding;

/// <summary>Values measured together at one time: becomes one normalised message.</summary>
public sealed record Reading(DateTimeOffset Timestamp, IReadOnlyList<TimeseriesPoint> Points);
