using System.Text;
using IoTStack.Contracts;
using MessagePack;

namespace IoTStack.Ingest.Tests.Decoding;

public class DecoderTests
{
    public const string CroMFlaG2Sample = """
        { "deviceinfo" : { "deviceid": "sample", "fw_ver" : "12345.009", "batt_lvl": 78 },
          "tsdata": [
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 75.0, "illuminance": 74.0, "month": 2, "motion": false, "temperature": 78.0, "timestamp": 1582046738255 },
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 66.0, "illuminance": 96.0, "month": 2, "motion": true, "temperature": 82.0, "timestamp": 1582046748255 } ] }
        """;

    [Fact]
    public void CroMFlaG2_rows_become_readings_and_deviceinfo_becomes_properties()
    {
        var decoded = DecoderFixture.DecodeJson(CroMFlaG2Sample, addressedDevice: "sample");

        Assert.Equal("cromflag2", decoded.Shape);
        Assert.Equal(2, decoded.Readings.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1582046748255), decoded.Readings[1].Timestamp);
        Assert.Equal(8, decoded.Readings[0].Points.Count);
        Assert.Equal(82.0, Point(decoded.Readings[1], "temperature").Value);
        Assert.Equal(1, Point(decoded.Readings[1], "motion").Value);
        Assert.Equal("12345.009", decoded.DeviceProperties!["fw_ver"]!.GetValue<string>());
        Assert.Equal(78, decoded.DeviceProperties["batt_lvl"]!.GetValue<int>());
        Assert.False(decoded.DeviceProperties.ContainsKey("deviceid"));
    }

    [Fact]
    public void Tum_single_object_with_string_value_in_seconds()
    {
        var decoded = DecoderFixture.DecodeJson("""{"sensor_id":"4","timestamp":1526717967,"value":"91827364"}""");

        Assert.Equal("tum", decoded.Shape);
        var reading = Assert.Single(decoded.Readings);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1526717967), reading.Timestamp);
        Assert.Equal(TimeseriesPoint.Number("4", 91827364), Assert.Single(reading.Points));
    }

    [Fact]
    public void Tum_array_groups_values_by_timestamp_whatever_the_unit()
    {
        var decoded = DecoderFixture.DecodeJson("""
            [ {"sensor_id": 4, "timestamp": 1526717967, "value": 1.5},
              {"sensor_id": "5", "timestamp": 1526717967000, "value": 2},
              {"sensor_id": "6", "timestamp": 1526717968000000000, "value": "open"} ]
            """);

        Assert.Equal(2, decoded.Readings.Count);
        Assert.Equal(["4", "5"], decoded.Readings[0].Points.Select(point => point.Name));
        Assert.Equal("open", decoded.Readings[1].Points[0].Text);
    }

    [Fact]
    public void Iota_normalised_message_keeps_point_timestamps()
    {
        var decoded = DecoderFixture.DecodeJson("""
            { "broker_correlation_id": "83d04e6f-db16-4280-8337-53f11b2335c6", "p_uid": 7, "timestamp": "2023-01-30T06:21:56Z",
              "timeseries": [ { "name": "battery (v)", "value": 4.16008997 },
                              { "name": "pulse_count", "value": 1, "timestamp": "2023-01-30T06:20:00Z" } ] }
            """);

        Assert.Equal("iota", decoded.Shape);
        var reading = Assert.Single(decoded.Readings);
        Assert.Equal(DateTimeOffset.Parse("2023-01-30T06:21:56Z", System.Globalization.CultureInfo.InvariantCulture), reading.Timestamp);
        Assert.Equal(4.16008997, reading.Points[0].Value);
        Assert.Equal(DateTimeOffset.Parse("2023-01-30T06:20:00Z", System.Globalization.CultureInfo.InvariantCulture), reading.Points[1].Timestamp);
    }

    [Fact]
    public void Ts_values_single_and_array_and_missing_ts_means_now()
    {
        var single = DecoderFixture.DecodeJson("""{"ts": 1700000000000, "values": {"temperature": 21.5, "door": true, "state": "ok"}}""");
        var many = DecoderFixture.DecodeJson("""[{"ts": 1700000000000, "values": {"a": 1}}, {"values": {"a": 2}}]""");

        Assert.Equal("ts-values", single.Shape);
        Assert.Equal([21.5, 1, null], single.Readings[0].Points.Select(point => point.Value));
        Assert.Equal("ok", single.Readings[0].Points[2].Text);
        Assert.Equal(DecoderFixture.Now, many.Readings[1].Timestamp);
    }

    [Fact]
    public void MessagePack_carries_the_same_shapes()
    {
        var json = """{"ts": 1700000000000, "values": {"temperature": 21.5}}""";
        var msgpack = MessagePackSerializer.ConvertFromJson(json);

        var decoded = DecoderFixture.Decoders.Decode(msgpack, "application/msgpack", DecoderFixture.Context());

        Assert.Equal(DecoderFixture.DecodeJson(json).Readings[0].Points, decoded.Readings[0].Points);
    }

    [Fact]
    public void Without_a_content_type_the_first_byte_tells_json_from_msgpack()
    {
        var json = """{"sensor_id":"4","timestamp":1526717967,"value":3}""";
        var fromJson = DecoderFixture.Decoders.Decode(Encoding.UTF8.GetBytes(json), null, DecoderFixture.Context());
        var fromMsgPack = DecoderFixture.Decoders.Decode(MessagePackSerializer.ConvertFromJson(json), null, DecoderFixture.Context());

        Assert.Equal(fromJson.Readings[0].Points, fromMsgPack.Readings[0].Points);
    }

    private static TimeseriesPoint Point(Ingest.Decoding.Reading reading, string name) => reading.Points.Single(point => point.Name == name);
}
