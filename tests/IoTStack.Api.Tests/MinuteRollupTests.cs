using IoTStack.Api.Series;

namespace IoTStack.Api.Tests;

public sealed class MinuteRollupTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(60, 0, true)]
    [InlineData(1200, 0, true)]
    [InlineData(86400, 0, true)]
    [InlineData(90, 0, false)] // buckets end mid-minute
    [InlineData(1000, 0, false)]
    [InlineData(60, 30, false)] // 'from' mid-minute shifts every bucket off the minutes
    public void Only_buckets_on_minute_boundaries_use_the_rollup(int intervalSeconds, int fromSecond, bool usesRollup)
    {
        var query = Query(From.AddSeconds(fromSecond), From.AddHours(5), TimeSpan.FromSeconds(intervalSeconds));

        Assert.Equal(usesRollup, MinuteRollup.RolledUpTo(query) is not null);
    }

    [Fact]
    public void The_rollup_ends_at_the_last_minute_boundary_before_to()
    {
        Assert.Equal(From.AddHours(5), MinuteRollup.RolledUpTo(Query(From, From.AddHours(5).AddSeconds(59.9), TimeSpan.FromMinutes(5))));
        Assert.Equal(From.AddHours(5), MinuteRollup.RolledUpTo(Query(From, From.AddHours(5), TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void Offsets_do_not_matter_only_the_instant()
    {
        var from = new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromMinutes(30)); // 00:00 UTC
        Assert.Equal(from.AddMinutes(10), MinuteRollup.RolledUpTo(Query(from, from.AddMinutes(10.5), TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void A_range_shorter_than_a_minute_or_raw_points_never_use_it()
    {
        Assert.Null(MinuteRollup.RolledUpTo(Query(From, From.AddSeconds(59), TimeSpan.FromMinutes(1))));
        Assert.Null(MinuteRollup.RolledUpTo(Query(From, From.AddHours(1), null)));
    }

    [Theory]
    [InlineData(SeriesAggregate.Avg, "sum(sum) / nullif(sum(numeric_points), 0)")]
    [InlineData(SeriesAggregate.Count, "sum(numeric_points)::double precision")]
    [InlineData(SeriesAggregate.First, "ORDER BY first_ts, first_value")]
    [InlineData(SeriesAggregate.Last, "ORDER BY last_ts DESC, last_value DESC")]
    public void Aggregates_recombine_from_partials(SeriesAggregate aggregate, string expression)
    {
        Assert.Contains(expression, SeriesRollupSql.Build(aggregate, filterNames: false), StringComparison.Ordinal);
        Assert.DoesNotContain("ANY($5)", SeriesRollupSql.Build(aggregate, filterNames: false), StringComparison.Ordinal);
    }

    private static SeriesQuery Query(DateTimeOffset from, DateTimeOffset to, TimeSpan? interval) =>
        new(1, null, from, to, interval, SeriesAggregate.Avg, 1000);
}
