using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Api.Series;

/// <summary>
/// Builds the SQL of a <see cref="SeriesQuery"/>. Only constant fragments chosen by enum are spliced into the text;
/// every caller-supplied value (device, names, range, interval, limit) is a bound parameter. A bucketed query whose
/// interval is a whole number of minutes is answered with the per-minute rollup (<see cref="MinuteRollup"/>), any other
/// from the raw points.
/// </summary>
public static class SeriesSqlBuilder
{
    public static NpgsqlCommand Build(NpgsqlDataSource dataSource, SeriesQuery query)
    {
        var filterNames = query.Names is { Count: > 0 };
        var names = filterNames ? " AND name = ANY($5)" : "";
        var rollup = MinuteRollup.Plan(query);
        var sql = query.Interval is null
            ? "SELECT name, ts, value, text_value, 1::bigint FROM series_points " +
              $"WHERE logical_uid = $1 AND ts >= $2 AND ts < $3{names} ORDER BY name, ts LIMIT $4"
            : rollup is not null
            ? SeriesRollupSql.Build(query.Aggregate, filterNames, rollup.CutsMinutes)
            : $"SELECT name, date_bin($6, ts, $2) AS bucket, {AggregateExpression(query.Aggregate)}, NULL::text, count(value) FROM series_points " +
              $"WHERE logical_uid = $1 AND ts >= $2 AND ts < $3{names} GROUP BY name, bucket ORDER BY name, bucket LIMIT $4";

        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = query.LogicalUid });
        command.Parameters.Add(new() { Value = query.From.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = query.To.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = query.Limit });
        command.Parameters.Add(new() { Value = query.Names?.ToArray() ?? [], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = query.Interval ?? TimeSpan.Zero, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new() { Value = (rollup?.RolledUpTo ?? query.From).ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (rollup?.FirstCut ?? query.From).ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }

    /// <summary>
    /// The aggregate of a bucket over numeric values (text readings have no value and are skipped).
    /// FIRST and LAST take the value at the earliest and latest timestamp of the bucket; points at the same timestamp
    /// are ordered by value (lowest first, highest last) so the answer is the same whichever order they are read in.
    /// </summary>
    public static string AggregateExpression(SeriesAggregate aggregate) => aggregate switch
    {
        SeriesAggregate.Avg => "avg(value)",
        SeriesAggregate.Min => "min(value)",
        SeriesAggregate.Max => "max(value)",
        SeriesAggregate.Sum => "sum(value)",
        SeriesAggregate.Count => "count(value)::double precision",
        SeriesAggregate.First => "(array_agg(value ORDER BY ts, value) FILTER (WHERE value IS NOT NULL))[1]",
        SeriesAggregate.Last => "(array_agg(value ORDER BY ts DESC, value DESC) FILTER (WHERE value IS NOT NULL))[1]",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown aggregate."),
    };
}
