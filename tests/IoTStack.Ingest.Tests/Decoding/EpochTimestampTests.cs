using IoTStack.Ingest.Decoding;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Tests.Decoding;

public class EpochTimestampTests
{
    private static readonly DateTimeOffset TumSample = DateTimeOffset.FromUnixTimeSeconds(1526717967);

    [Theory]
    [InlineData(1526717967d)] // seconds, the TUM sample
    [InlineData(1526717967000d)] // milliseconds
    [InlineData(1526717967000000d)] // microseconds
    [InlineData(1526717967000000000d)] // nanoseconds
    public void Detects_the_unit_from_the_magnitude(double value) =>
        Assert.Equal(TumSample, EpochTimestamp.FromNumber(value));

    [Fact]
    public void Keeps_fractional_seconds() =>
        Assert.Equal(TumSample.AddMilliseconds(250), EpochTimestamp.FromNumber(1526717967.25));

    [Fact]
    public void Reads_the_CroMFlaG2_millisecond_timestamp() =>
        Assert.Equal(new DateTimeOffset(2020, 2, 18, 17, 25, 38, 255, TimeSpan.Zero), EpochTimestamp.FromNumber(1582046738255));

    [Theory]
    [InlineData(-1d)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_negative_and_non_finite_numbers(double value) =>
        Assert.Equal(RejectionKind.TimestampOutOfRange, Assert.Throws<RejectedMessageException>(() => EpochTimestamp.FromNumber(value)).Rejection.Kind);

    [Fact]
    public void Refuses_far_future_timestamps()
    {
        var context = DecoderFixture.Context();
        var rejected = Assert.Throws<RejectedMessageException>(() => EpochTimestamp.EnsureNotFarFuture(context.LatestAllowed.AddSeconds(1), "ts", context));
        Assert.Equal(RejectionKind.TimestampOutOfRange, rejected.Rejection.Kind);
        Assert.Contains("far future", rejected.Message, StringComparison.Ordinal);
    }
}
