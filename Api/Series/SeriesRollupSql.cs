namespace IoTStack.Api.Series;

/// <summary>
/// The SQL of a bucketed query answered from the per-minute rollup: the minutes in [$2, $7) from
/// <c>series_minutes</c>, the points in [$7, $3) from <c>series_points</c> turned into one-point partials of the same
/// shape, and every aggregate recombined from the partials (AVG = sum / count; FIRST/LAST by time, ties by value as
/// in the raw query). Parameters are those of <see cref="SeriesSqlBuilder"/> plus $7, the end of the rolled-up minutes.
/// </summary>
public static class SeriesRollupSql
{
    public static string Build(SeriesAggregate aggregate, bool filterNames)
    {
        var names = filterNames ? " AND name = ANY($5)" : "";
        return
            $"SELECT name, bucket, {CombineExpression(aggregate)}, NULL::text, sum(numeric_points)::bigint FROM (" +
            "SELECT name, date_bin($6, minute, $2) AS bucket, numeric_points, sum, min, max, first_ts, first_value, last_ts, last_value " +
            $"FROM series_minutes WHERE logical_uid = $1 AND minute >= $2 AND minute < $7{names} " +
            "UNION ALL " +
            "SELECT name, date_bin($6, ts, $2), (value IS NOT NULL)::int, value, value, value, ts, value, ts, value " +
            $"FROM series_points WHERE logical_uid = $1 AND ts >= $7 AND ts < $3{names}" +
            ") partials GROUP BY name, bucket ORDER BY name, bucket LIMIT $4";
    }

    /// <summary>How the partials of one bucket recombine into the aggregate the raw query would have computed.</summary>
    public static string CombineExpression(SeriesAggregate aggregate) => aggregate switch
    {
        SeriesAggregate.Avg => "sum(sum) / nullif(sum(numeric_points), 0)",
        SeriesAggregate.Min => "min(min)",
        SeriesAggregate.Max => "max(max)",
        SeriesAggregate.Sum => "sum(sum)",
        SeriesAggregate.Count => "sum(numeric_points)::double precision",
        SeriesAggregate.First => "(array_agg(first_value ORDER BY first_ts, first_value) FILTER (WHERE first_value IS NOT NULL))[1]",
        SeriesAggregate.Last => "(array_agg(last_value ORDER BY last_ts DESC, last_value DESC) FILTER (WHERE last_value IS NOT NULL))[1]",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown aggregate."),
    };
}
