using System.Text;
using IoTStack.Ingest.Decoding;

namespace IoTStack.Ingest.Tests.Decoding;

/// <summary>The decoders as Ingest registers them, and a context "now = 2026-01-01, 1 day of skew allowed".</summary>
internal static class DecoderFixture
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TelemetryDecoders Decoders = new(
        [new CroMFlaG2Decoder(), new IotaMessageDecoder(), new TsValuesDecoder(), new TumDecoder()]);

    public static DecodeContext Context(long physicalUid = 7, string? addressedDevice = null) =>
        new(physicalUid, addressedDevice, Now, Now.AddDays(1));

    public static DecodedTelemetry DecodeJson(string json, string? addressedDevice = null) =>
        Decoders.Decode(Encoding.UTF8.GetBytes(json), "application/json", Context(addressedDevice: addressedDevice));
}
