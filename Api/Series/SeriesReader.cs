using Npgsql;

namespace IoTStack.Api.Series;

/// <summary>Runs series queries and lists the series names of a logical device.</summary>
public sealed class SeriesReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<SeriesRow>> ReadAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        await using var command = SeriesSqlBuilder.Build(dataSource, query);
        return await Registry.RowReaders.ReadAllAsync(
            command,
            r => new SeriesRow(
                r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4)),
            cancellationToken);
    }

    /// <summary>
    /// The distinct series names of a device. A recursive "loose index scan" over the primary key
    /// (logical_uid, name, ...) visits one row per name instead of every point.
    /// </summary>
    public async Task<IReadOnlyList<string>> NamesAsync(long logicalUid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH RECURSIVE names(name) AS (
                (SELECT name FROM series_points WHERE logical_uid = $1 ORDER BY name LIMIT 1)
                UNION ALL
                SELECT (SELECT s.name FROM series_points s WHERE s.logical_uid = $1 AND s.name > names.name ORDER BY s.name LIMIT 1)
                FROM names WHERE names.name IS NOT NULL)
            SELECT name FROM names WHERE name IS NOT NULL
            """);
        command.Parameters.Add(new() { Value = logicalUid });
        return await Registry.RowReaders.ReadAllAsync(command, r => r.GetString(0), cancellationToken);
    }
}
