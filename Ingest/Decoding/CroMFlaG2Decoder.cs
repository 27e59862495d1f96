using System.Text.Json;
using System.Text.Json.Nodes;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Decoding;

/// <summary>
/// The CroMFlaG2 <c>POST /insert/&lt;device&gt;</c> payload: <c>deviceinfo</c> (<c>deviceid</c>, <c>fw_ver</c>,
/// <c>batt_lvl</c>, kept as device properties) and <c>tsdata</c> rows, each with a millisecond <c>timestamp</c> and
/// any number of named values. Each row becomes one reading.
/// </summary>
public sealed class CroMFlaG2Decoder : ITelemetryDecoder
{
    private const string DeviceIdField = "deviceid";

    public string Shape => "cromflag2";

    public bool Matches(JsonElement sample) => sample.TryGetProperty("tsdata", out _);

    public DecodedTelemetry Decode(JsonElement root, DecodeContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RejectedMessageException(RejectionKind.UnknownShape, "A CroMFlaG2 insert is one JSON object with 'deviceinfo' and 'tsdata'.");
        }

        var deviceInfo = JsonFields.RequiredOfKind(root, "deviceinfo", JsonValueKind.Object, "CroMFlaG2 insert");
        var deviceId = JsonFields.RequiredName(deviceInfo, DeviceIdField, "deviceinfo");
        if (context.AddressedDevice is { } addressed && !string.Equals(addressed, deviceId, StringComparison.Ordinal))
        {
            throw new RejectedMessageException(RejectionKind.DeviceMismatch,
                $"deviceinfo.deviceid '{deviceId}' does not match the device '{addressed}' in the path.");
        }

        var rows = JsonFields.RequiredOfKind(root, "tsdata", JsonValueKind.Array, "CroMFlaG2 insert");
        var readings = new List<Reading>();
        var index = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var where = $"tsdata [{index++}]";
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new RejectedMessageException(RejectionKind.InvalidValue, $"{where} must be a JSON object.");
            }

            var timestamp = EpochTimestamp.Read(JsonFields.Required(row, "timestamp", where), $"timestamp of {where}", context);
            var points = row.EnumerateObject()
                .Where(value => value.Name != "timestamp")
                .Select(value => PointValues.ToPoint(value.Name, value.Value))
                .ToList();
            readings.Add(new Reading(timestamp, points));
        }

        var properties = (JsonObject)JsonNode.Parse(deviceInfo.GetRawText())!;
        properties.Remove(DeviceIdField);
        return new DecodedTelemetry(Shape, readings, properties);
    }
}
