using IoTStack.Api.Series;

namespace IoTStack.Api.Tests;

public sealed class MinuteRollupTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(60, 0, true)]
    [InlineData(1200, 0, true)]
    [InlineData(86400, 0, true)]
    [InlineData(60, 30, true)] // 'from' mid-minute: the boundaries cut minutes, which are read raw
    [InlineData(90, 0, false)] // buckets end mid-minute at every other boundary
    [InlineData(1000, 0, false)]
    public void Only_intervals_of_whole_minutes_use_the_rollup(int intervalSeconds, int fromSecond, bool usesRollup)
    {
        var query = Query(From.AddSeconds(fromSecond), From.AddHours(5), TimeSpan.FromSeconds(intervalSeconds));

        Assert.Equal(usesRollup, MinuteRollup.Plan(query) is not null);
    }

    [Fact]
    public void The_rollup_ends_at_the_last_minute_boundary_before_to()
    {
        Assert.Equal(From.AddHours(5), MinuteRollup.Plan(Query(From, From.AddHours(5).AddSeconds(59.9), TimeSpan.FromMinutes(5)))!.RolledUpTo);
        Assert.Equal(From.AddHours(5), MinuteRollup.Plan(Query(From, From.AddHours(5), TimeSpan.FromMinutes(5)))!.RolledUpTo);
    }

    [Fact]
    public void A_from_off_the_minute_cuts_the_minutes_holding_bucket_boundaries()
    {
        var aligned = MinuteRollup.Plan(Query(From, From.AddHours(1), TimeSpan.FromMinutes(5)))!;
        var offset = MinuteRollup.Plan(Query(From.AddSeconds(17.5), From.AddHours(1), TimeSpan.FromMinutes(5)))!;

        Assert.False(aligned.CutsMinutes);
        Assert.Equal((From, true), (offset.FirstCut, offset.CutsMinutes));
        Assert.Contains("generate_series($8, $7 - interval '1 microsecond', $6)", SeriesRollupSql.Build(SeriesAggregate.Avg, false, cutsMinutes: true), StringComparison.Ordinal);
        Assert.Contains("date_bin($6, minute, $8) <> minute", SeriesRollupSql.Build(SeriesAggregate.Avg, false, cutsMinutes: true), StringComparison.Ordinal);
        Assert.DoesNotContain("generate_series", SeriesRollupSql.Build(SeriesAggregate.Avg, false, cutsMinutes: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_do_not_matter_only_the_instant()
    {
        var from = new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromMinutes(30)); // 00:00 UTC
        var plan = MinuteRollup.Plan(Query(from, from.AddMinutes(10.5), TimeSpan.FromMinutes(1)))!;

        Assert.Equal((from.AddMinutes(10), false), (plan.RolledUpTo, plan.CutsMinutes));
    }

    [Fact]
    public void A_range_shorter_than_a_minute_or_raw_points_never_use_it()
    {
        Assert.Null(MinuteRollup.Plan(Query(From, From.AddSeconds(59), TimeSpan.FromMinutes(1))));
        Assert.Null(MinuteRollup.Plan(Query(From.AddSeconds(10), From.AddSeconds(50), TimeSpan.FromMinutes(1))));
        Assert.Null(MinuteRollup.Plan(Query(From, From.AddHours(1), null)));
    }

    [Theory]
    [InlineData(SeriesAggregate.Avg, "sum(sum) / nullif(sum(numeric_points), 0)")]
    [InlineData(SeriesAggregate.Count, "sum(numeric_points)::double precision")]
    [InlineData(SeriesAggregate.First, "ORDER BY first_ts, first_value")]
    [InlineData(SeriesAggregate.Last, "ORDER BY last_ts DESC, last_value DESC")]
    public void Aggregates_recombine_from_partials(SeriesAggregate aggregate, string expression)
    {
        Assert.Contains(expression, SeriesRollupSql.Build(aggregate, filterNames: false, cutsMinutes: false), StringComparison.Ordinal);
        Assert.DoesNotContain("ANY($5)", SeriesRollupSql.Build(aggregate, filterNames: false, cutsMinutes: false), StringComparison.Ordinal);
    }

    private static SeriesQuery Query(DateTimeOffset from, DateTimeOffset to, TimeSpan? interval) =>
        new(1, null, from, to, interval, SeriesAggregate.Avg, 1000);
}
