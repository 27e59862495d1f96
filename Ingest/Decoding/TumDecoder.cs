using System.Text.Json;
using IoTStack.Contracts;

namespace IoTStack.Ingest.Decoding;

/// <summary>
/// The TUM iotplatform gateway format: one <c>{"sensor_id", "timestamp", "value"}</c> object or an array of them.
/// The sensor id becomes the point name; timestamps are epoch numbers of any unit.
/// </summary>
public sealed class TumDecoder : ITelemetryDecoder
{
    public string Shape => "tum";

    public bool Matches(JsonElement sample) => sample.TryGetProperty("sensor_id", out _);

    public DecodedTelemetry Decode(JsonElement root, DecodeContext context)
    {
        var readings = new Dictionary<DateTimeOffset, List<TimeseriesPoint>>();
        foreach (var (element, where) in JsonFields.OneOrMany(root, "TUM sensor value"))
        {
            var name = JsonFields.RequiredName(element, "sensor_id", where);
            var timestamp = element.TryGetProperty("timestamp", out var stamp)
                ? EpochTimestamp.Read(stamp, $"timestamp of {where}", context)
                : context.ReceivedAt;
            var point = PointValues.ToPoint(name, JsonFields.Required(element, "value", where));
            if (!readings.TryGetValue(timestamp, out var points))
            {
                readings[timestamp] = points = [];
            }

            points.Add(point);
        }

        return new DecodedTelemetry(Shape, readings.Select(reading => new Reading(reading.Key, reading.Value)).ToList());
    }
}
