using System.Text;
using IoTStack.Ingest.Pipeline;
using MQTTnet.Protocol;

namespace IoTStack.Ingest.Tests.Decoding;

/// <summary>A bad message and its documented outcome (Ingest/README.md, "Rejections").</summary>
public sealed record MalformedInput(string Name, string? ContentType, byte[] Payload, RejectionKind Kind, int HttpStatus, MqttPubAckReasonCode MqttReason, string DetailContains)
{
    public override string ToString() => Name;
}

/// <summary>The table of malformed inputs, shared by the unit tests (decoders) and the real-stack tests (HTTP, MQTT).</summary>
public static class MalformedInputs
{
    private const string Json = "application/json";

    public static readonly MalformedInput[] All =
    [
        Text("truncated JSON", Json, """{"ts": 1700000000000, "values": {"t": 1""", RejectionKind.Malformed, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "Malformed JSON"),
        Text("value of the wrong type", Json, """{"ts": 1700000000000, "values": {"t": {"nested": 1}}}""", RejectionKind.InvalidValue, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "Value of 't' must be a number"),
        Text("timestamp of the wrong type", Json, """{"ts": true, "values": {"t": 1}}""", RejectionKind.InvalidValue, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "'ts of ts/values message' must be an epoch number"),
        Text("TUM value missing", Json, """{"sensor_id": "4", "timestamp": 1526717967}""", RejectionKind.InvalidValue, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "missing 'value'"),
        new("binary garbage", "application/msgpack", [0xC1, 0xFF, 0x00, 0x13, 0x37], RejectionKind.Malformed, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "Malformed MessagePack"),
        new("binary garbage sent as JSON", Json, [0xC1, 0xFF, 0x00, 0x13, 0x37], RejectionKind.Malformed, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "Malformed JSON"),
        Text("wrong content type", "text/plain", "temperature=21.5", RejectionKind.UnsupportedContentType, 415, MqttPubAckReasonCode.PayloadFormatInvalid, "Content type 'text/plain' is not supported"),
        Text("NaN literal", Json, """{"ts": 1700000000000, "values": {"t": NaN}}""", RejectionKind.InvalidValue, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "NaN or Infinity"),
        Text("NaN string", Json, """{"ts": 1700000000000, "values": {"t": "NaN"}}""", RejectionKind.InvalidValue, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "NaN or Infinity"),
        Text("Infinity by overflow", Json, """{"ts": 1700000000000, "values": {"t": 1e999}}""", RejectionKind.InvalidValue, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "NaN or Infinity"),
        Text("timestamp in the far future", Json, """{"ts": 4102444800000, "values": {"t": 1}}""", RejectionKind.TimestampOutOfRange, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "far future"),
        Text("unknown shape", Json, """{"temperature": 21.5}""", RejectionKind.UnknownShape, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "Unknown payload shape"),
        Text("empty array", Json, "[]", RejectionKind.InvalidValue, 400, MqttPubAckReasonCode.PayloadFormatInvalid, "empty array"),
    ];

    public static TheoryData<MalformedInput> Cases()
    {
        var data = new TheoryData<MalformedInput>();
        foreach (var input in All)
        {
            data.Add(input);
        }

        return data;
    }

    private static MalformedInput Text(string name, string contentType, string payload, RejectionKind kind, int status, MqttPubAckReasonCode reason, string detail) =>
        new(name, contentType, Encoding.UTF8.GetBytes(payload), kind, status, reason, detail);
}
