using System.Text.Json.Nodes;
using IoTStack.Contracts;

namespace IoTStack.Ingest.Decoding;

/// <summary>Values measured together at one time: becomes one normalised message.</summary>
public sealed record Reading(DateTimeOffset Timestamp, IReadOnlyList<TimeseriesPoint> Points);

/// <summary>What a payload said: its readings and, for formats that carry them, facts about the device itself.</summary>
public sealed record DecodedTelemetry(string Shape, IReadOnlyList<Reading> Readings, JsonObject? DeviceProperties = null);
