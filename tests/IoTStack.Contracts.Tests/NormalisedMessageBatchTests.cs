using System.Text;
using System.Text.Json;
using IoTStack.Contracts;

namespace IoTStack.Contracts.Tests;

public class NormalisedMessageBatchTests
{
    // The example message of IoTa's documentation, as its front ends publish it.
    private const string IoTaExample = """
        {
          "broker_correlation_id": "83d04e6f-db16-4280-8337-53f11b2335c6",
          "p_uid": 301,
          "l_uid": 276,
          "timestamp": "2023-01-30T06:21:56Z",
          "timeseries": [
            { "name": "battery (v)", "value": 4.16008997 },
            { "name": "pulse_count", "value": 1 },
            { "name": "1_Temperature", "value": 21.60000038 }
          ]
        }
        """;

    [Fact]
    public void Reads_a_single_IoTa_message()
    {
        var message = Assert.Single(NormalisedMessageBatch.Deserialize(Encoding.UTF8.GetBytes(IoTaExample)));

        Assert.Equal(Guid.Parse("83d04e6f-db16-4280-8337-53f11b2335c6"), message.CorrelationId);
        Assert.Equal(301, message.PhysicalUid);
        Assert.Equal(276, message.LogicalUid);
        Assert.Equal(new DateTimeOffset(2023, 1, 30, 6, 21, 56, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(["battery (v)", "pulse_count", "1_Temperature"], message.Timeseries.Select(p => p.Name));
        Assert.Equal(4.16008997, message.Timeseries[0].Value);
    }

    [Fact]
    public void Round_trips_a_batch_with_numbers_text_and_point_timestamps()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        NormalisedMessage[] batch =
        [
            new(Guid.NewGuid(), 1, null, at, [TimeseriesPoint.Number("temperature", 21.5), TimeseriesPoint.Word("status", "ok", at.AddSeconds(-5))]),
            new(Guid.NewGuid(), 2, 7, at, [TimeseriesPoint.Number("humidity", 60)]),
        ];

        var read = NormalisedMessageBatch.Deserialize(NormalisedMessageBatch.Serialize(batch));

        Assert.Equal(batch, read, new MessageComparer());
    }

    [Fact]
    public void Omits_l_uid_until_a_message_is_mapped()
    {
        var json = Encoding.UTF8.GetString(NormalisedMessageBatch.Serialize(
            [new NormalisedMessage(Guid.NewGuid(), 5, null, DateTimeOffset.UnixEpoch, [TimeseriesPoint.Number("x", 1)])]));

        Assert.DoesNotContain("l_uid", json, StringComparison.Ordinal);
        Assert.Contains("\"p_uid\":5", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"broker_correlation_id":"83d04e6f-db16-4280-8337-53f11b2335c6","p_uid":1,"timestamp":"2023-01-30T06:21:56Z","timeseries":[{"value":1}]}]""", "name")]
    [InlineData("""[{"broker_correlation_id":"83d04e6f-db16-4280-8337-53f11b2335c6","p_uid":1,"timestamp":"2023-01-30T06:21:56Z","timeseries":[{"name":"a"}]}]""", "no 'value'")]
    [InlineData("""[{"broker_correlation_id":"83d04e6f-db16-4280-8337-53f11b2335c6","p_uid":1,"timestamp":"2023-01-30T06:21:56Z","timeseries":[{"name":"a","value":[1]}]}]""", "number, a string or a boolean")]
    public void Rejects_points_without_a_usable_name_or_value(string body, string expected)
    {
        var error = Assert.Throws<JsonException>(() => NormalisedMessageBatch.Deserialize(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private sealed class MessageComparer : IEqualityComparer<NormalisedMessage>
    {
        public bool Equals(NormalisedMessage? x, NormalisedMessage? y) =>
            x is not null && y is not null
            && x.CorrelationId == y.CorrelationId && x.PhysicalUid == y.PhysicalUid && x.LogicalUid == y.LogicalUid
            && x.Timestamp == y.Timestamp && x.Timeseries.SequenceEqual(y.Timeseries);

        public int GetHashCode(NormalisedMessage obj) => obj.CorrelationId.GetHashCode();
    }
}
