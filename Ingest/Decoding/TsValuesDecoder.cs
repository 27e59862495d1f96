using System.Text.Json;

namespace IoTStack.Ingest.Decoding;

/// <summary>
/// The widely used <c>{"ts": epoch-ms, "values": {"name": value, ...}}</c> (ThingsBoard style), one or an array.
/// A missing <c>ts</c> means "now".
/// </summary>
public sealed class TsValuesDecoder : ITelemetryDecoder
{
    public string Shape => "ts-values";

    public bool Matches(JsonElement sample) => sample.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object;

    public DecodedTelemetry Decode(JsonElement root, DecodeContext context)
    {
        var readings = new List<Reading>();
        foreach (var (element, where) in JsonFields.OneOrMany(root, "ts/values message"))
        {
            var timestamp = element.TryGetProperty("ts", out var ts)
                ? EpochTimestamp.Read(ts, $"ts of {where}", context)
                : context.ReceivedAt;
            var values = JsonFields.RequiredOfKind(element, "values", JsonValueKind.Object, where);
            var points = values.EnumerateObject().Select(value => PointValues.ToPoint(value.Name, value.Value)).ToList();
            if (points.Count > 0)
            {
                readings.Add(new Reading(timestamp, points));
            }
        }

        return new DecodedTelemetry(Shape, readings);
    }
}
