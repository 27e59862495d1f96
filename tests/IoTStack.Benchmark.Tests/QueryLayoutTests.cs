using IoTStack.Benchmark;
using IoTStack.Simulator;

namespace IoTStack.Benchmark.Tests;

public class QueryLayoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 13, 47, 12, TimeSpan.Zero);

    [Fact]
    public void A_million_points_fill_a_thousand_ten_minute_buckets_evenly_in_the_past()
    {
        var layout = QueryLayout.EndingBefore(Now, 1_000_000, 1_000);

        Assert.Equal(TimeSpan.FromMilliseconds(600), layout.Step);
        Assert.Equal(0, layout.From.UtcTicks % TimeSpan.FromMinutes(10).Ticks);
        Assert.Equal(layout.From.AddMinutes(10_000), layout.To);
        Assert.True(layout.To <= Now.AddHours(-1));
        Assert.Equal("PT10M", layout.IsoInterval);
        // Every bucket holds exactly Points / Buckets points; the last point lies in the last bucket.
        Assert.Equal(layout.From.AddMinutes(10), layout.TimestampOf(1_000));
        Assert.True(layout.TimestampOf(999_999) < layout.To);
    }

    [Fact]
    public void Fewer_points_than_buckets_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QueryLayout.EndingBefore(Now, 10, 1_000));
    }

    [Theory]
    [InlineData(99.9, true)]
    [InlineData(100, false)]
    public void The_target_is_a_p95_under_a_hundred_milliseconds(double p95, bool meets)
    {
        var scenario = new QueryScenarioResult("AVG", "rollup", 1_000, 1_000_000, new Percentiles(50, 10, p95, p95, p95));

        Assert.Equal(meets, scenario.MeetsTarget);
    }
}
