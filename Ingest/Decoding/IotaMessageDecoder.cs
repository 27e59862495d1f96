using System.Globalization;
using System.Text.Json;
using IoTStack.Contracts;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Decoding;

/// <summary>
/// IoTa's normalised message as a device or integration sends it: <c>{"p_uid"?, "timestamp", "timeseries": [{"name",
/// "value", "timestamp"?}]}</c>. Ingest assigns its own correlation id; a <c>p_uid</c>, when given, must be the
/// device the message was authorised for.
/// </summary>
public sealed class IotaMessageDecoder : ITelemetryDecoder
{
    public string Shape => "iota";

    public bool Matches(JsonElement sample) => sample.TryGetProperty("timeseries", out _);

    public DecodedTelemetry Decode(JsonElement root, DecodeContext context)
    {
        var readings = new List<Reading>();
        foreach (var (element, where) in JsonFields.OneOrMany(root, "IoTa message"))
        {
            if (element.TryGetProperty("p_uid", out var pUid) && pUid.ValueKind != JsonValueKind.Null &&
                !(pUid.TryGetInt64(out var claimed) && claimed == context.PhysicalUid))
            {
                throw new RejectedMessageException(RejectionKind.Forbidden,
                    $"p_uid {pUid.GetRawText()} in {where} is not the device this message was sent for (p_uid {context.PhysicalUid.ToString(CultureInfo.InvariantCulture)}).");
            }

            var timestamp = element.TryGetProperty("timestamp", out var stamp) && stamp.ValueKind != JsonValueKind.Null
                ? EpochTimestamp.Read(stamp, $"timestamp of {where}", context)
                : context.ReceivedAt;
            var series = JsonFields.RequiredOfKind(element, "timeseries", JsonValueKind.Array, where);
            readings.Add(new Reading(timestamp, series.EnumerateArray().Select((point, index) => ToPoint(point, $"timeseries [{index}] of {where}", context)).ToList()));
        }

        return new DecodedTelemetry(Shape, readings);
    }

    private static TimeseriesPoint ToPoint(JsonElement point, string where, DecodeContext context)
    {
        if (point.ValueKind != JsonValueKind.Object)
        {
            throw new RejectedMessageException(RejectionKind.InvalidValue, $"{where} must be a JSON object.");
        }

        var name = JsonFields.RequiredName(point, "name", where);
        DateTimeOffset? timestamp = point.TryGetProperty("timestamp", out var stamp) && stamp.ValueKind != JsonValueKind.Null
            ? EpochTimestamp.Read(stamp, $"timestamp of {where}", context)
            : null;
        return PointValues.ToPoint(name, JsonFields.Required(point, "value", where), timestamp);
    }
}
