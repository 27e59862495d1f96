using System.Text.Json.Nodes;

namespace IoTStack.Ingest.Decoding;

/// <summary>What a payload said: its readings and, for formats that carry them, facts about the device itself.</summary>
public sealed record DecodedTelemetry(string Shape, IReadOnlyList<Reading> Readings, JsonObject? DeviceProperties = null);
