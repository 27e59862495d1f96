using IoTStack.Api.Series;
using Npgsql;

namespace IoTStack.Api.Tests;

public sealed class SeriesSqlBuilderTests
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SeriesAggregate.Avg, "avg(value)")]
    [InlineData(SeriesAggregate.Min, "min(value)")]
    [InlineData(SeriesAggregate.Max, "max(value)")]
    [InlineData(SeriesAggregate.Sum, "sum(value)")]
    [InlineData(SeriesAggregate.Count, "count(value)::double precision")]
    [InlineData(SeriesAggregate.First, "(array_agg(value ORDER BY ts, value) FILTER (WHERE value IS NOT NULL))[1]")]
    [InlineData(SeriesAggregate.Last, "(array_agg(value ORDER BY ts DESC, value DESC) FILTER (WHERE value IS NOT NULL))[1]")]
    public void Each_aggregate_buckets_with_date_bin_aligned_to_from(SeriesAggregate aggregate, string expression)
    {
        // 90 s buckets do not fall on minute boundaries: the raw points answer.
        using var command = SeriesSqlBuilder.Build(DataSource, Query(TimeSpan.FromSeconds(90), aggregate));

        Assert.Contains("date_bin($6, ts, $2)", command.CommandText, StringComparison.Ordinal);
        Assert.Contains(expression, command.CommandText, StringComparison.Ordinal);
        Assert.Contains("GROUP BY name, bucket", command.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("series_minutes", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(90), command.Parameters[5].Value);
    }

    [Fact]
    public void Buckets_on_minute_boundaries_read_the_rollup_up_to_the_last_whole_minute_and_raw_points_after()
    {
        var query = Query(TimeSpan.FromMinutes(15), SeriesAggregate.Avg) with { To = From.AddDays(1).AddSeconds(42) };
        using var command = SeriesSqlBuilder.Build(DataSource, query);

        Assert.Contains("FROM series_minutes WHERE logical_uid = $1 AND minute >= $2 AND minute < $7", command.CommandText, StringComparison.Ordinal);
        Assert.Contains("FROM series_points p WHERE p.logical_uid = $1 AND p.ts >= $7 AND p.ts < $3", command.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("generate_series", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(From.AddDays(1), command.Parameters[6].Value);
    }

    [Fact]
    public void Without_an_interval_the_raw_points_are_read()
    {
        using var command = SeriesSqlBuilder.Build(DataSource, Query(null, SeriesAggregate.Avg));

        Assert.DoesNotContain("date_bin", command.CommandText, StringComparison.Ordinal);
        Assert.Contains("ORDER BY name, ts LIMIT $4", command.CommandText, StringComparison.Ordinal);
    }

    [Fact]
    public void Caller_values_are_bound_parameters_never_part_of_the_text()
    {
        var hostile = "x'); DROP TABLE series_points; --";
        using var command = SeriesSqlBuilder.Build(DataSource, Query(TimeSpan.FromHours(1), SeriesAggregate.Max, [hostile]));

        Assert.DoesNotContain(hostile, command.CommandText, StringComparison.Ordinal);
        Assert.Contains("name = ANY($5)", command.CommandText, StringComparison.Ordinal);
        Assert.Equal(new[] { hostile }, command.Parameters[4].Value);
        Assert.Equal(42L, command.Parameters[0].Value);
        Assert.Equal(From, command.Parameters[1].Value);
        Assert.Equal(1000, command.Parameters[3].Value);
    }

    [Fact]
    public void Without_names_every_series_of_the_device_is_read()
    {
        using var command = SeriesSqlBuilder.Build(DataSource, Query(TimeSpan.FromHours(1), SeriesAggregate.Avg));

        Assert.DoesNotContain("ANY(", command.CommandText, StringComparison.Ordinal);
    }

    private static SeriesQuery Query(TimeSpan? interval, SeriesAggregate aggregate, IReadOnlyList<string>? names = null) =>
        new(42, names, From, From.AddDays(1), interval, aggregate, 1000);
}
