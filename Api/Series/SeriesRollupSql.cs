namespace IoTStack.Api.Series;

/// <summary>
/// The SQL of a bucketed query answered with the per-minute rollup (<see cref="MinuteRollup"/>): whole minutes in
/// [$2, $7) from <c>series_minutes</c>; the points in [$7, $3) and, when bucket boundaries cut minutes, the points of
/// the cut minutes $8 + k × $6 (one index range each) from <c>series_points</c>, turned into one-point partials of
/// the same shape; then every aggregate recombined from the partials (AVG = sum / count; FIRST/LAST by time, ties by
/// value as in the raw query). Parameters are those of <see cref="SeriesSqlBuilder"/> plus $7 and $8.
/// </summary>
public static class SeriesRollupSql
{
    private const string PointPartial = "date_bin($6, p.ts, $2), (p.value IS NOT NULL)::int, p.value, p.value, p.value, p.ts, p.value, p.ts, p.value";

    public static string Build(SeriesAggregate aggregate, bool filterNames, bool cutsMinutes)
    {
        var names = filterNames ? " AND name = ANY($5)" : "";
        var pointNames = filterNames ? " AND p.name = ANY($5)" : "";
        var uncut = cutsMinutes ? " AND date_bin($6, minute, $8) <> minute" : "";
        var cutMinutes = cutsMinutes
            ? $" UNION ALL SELECT p.name, {PointPartial} FROM generate_series($8, $7 - interval '1 microsecond', $6) AS cut(minute) " +
              $"JOIN series_points p ON p.logical_uid = $1 AND p.ts >= greatest(cut.minute, $2) AND p.ts < cut.minute + interval '1 minute'{pointNames}"
            : "";
        return
            $"SELECT name, bucket, {CombineExpression(aggregate)}, NULL::text, sum(numeric_points)::bigint FROM (" +
            "SELECT name, date_bin($6, minute, $2) AS bucket, numeric_points, sum, min, max, first_ts, first_value, last_ts, last_value " +
            $"FROM series_minutes WHERE logical_uid = $1 AND minute >= $2 AND minute < $7{uncut}{names} " +
            $"UNION ALL SELECT p.name, {PointPartial} FROM series_points p WHERE p.logical_uid = $1 AND p.ts >= $7 AND p.ts < $3{pointNames}" +
            cutMinutes +
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
