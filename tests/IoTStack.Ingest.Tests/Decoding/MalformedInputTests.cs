using IoTStack.Ingest.Http;
using IoTStack.Ingest.Mqtt;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Tests.Decoding;

public class MalformedInputTests
{
    [Theory]
    [MemberData(nameof(MalformedInputs.Cases), MemberType = typeof(MalformedInputs))]
    public void Each_malformed_input_gets_its_documented_rejection(MalformedInput input)
    {
        var rejected = Assert.Throws<RejectedMessageException>(
            () => DecoderFixture.Decoders.Decode(input.Payload, input.ContentType, DecoderFixture.Context()));

        Assert.Equal(input.Kind, rejected.Rejection.Kind);
        Assert.Contains(input.DetailContains, rejected.Rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(input.HttpStatus, RejectionStatus.For(input.Kind));
        Assert.Equal(input.MqttReason, MqttReasonCodes.PubAck(input.Kind));
    }

    [Fact]
    public void CroMFlaG2_deviceid_must_match_the_path()
    {
        var rejected = Assert.Throws<RejectedMessageException>(() => DecoderFixture.DecodeJson(DecoderTests.CroMFlaG2Sample, addressedDevice: "other"));

        Assert.Equal(RejectionKind.DeviceMismatch, rejected.Rejection.Kind);
        Assert.Equal(400, RejectionStatus.For(rejected.Rejection.Kind));
    }

    [Fact]
    public void Iota_p_uid_of_another_device_is_forbidden()
    {
        var rejected = Assert.Throws<RejectedMessageException>(() => DecoderFixture.DecodeJson("""{"p_uid": 8, "timeseries": [{"name": "a", "value": 1}]}"""));

        Assert.Equal(RejectionKind.Forbidden, rejected.Rejection.Kind);
        Assert.Equal(403, RejectionStatus.For(rejected.Rejection.Kind));
    }

    [Theory]
    [InlineData(RejectionKind.Unauthenticated, 401)]
    [InlineData(RejectionKind.Forbidden, 403)]
    [InlineData(RejectionKind.TooLarge, 413)]
    [InlineData(RejectionKind.Unavailable, 503)]
    public void Gateway_rejections_map_to_their_status(RejectionKind kind, int status) =>
        Assert.Equal(status, RejectionStatus.For(kind));
}
