using IoTStack.Contracts.Devices;
using IoTStack.Batching;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IoTStack.Silo.Storage;

/// <summary>
/// The per-silo series writer: every logical device grain on this silo appends through one
/// <see cref="CommitBatcher{T}"/>, so the database sees a few large batch inserts instead of one round trip per point.
/// </summary>
public sealed class PostgresSeriesStore : ISeriesStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly CommitBatcher<SeriesRow> _batcher;

    public PostgresSeriesStore(NpgsqlDataSource dataSource, IOptions<SiloPipelineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        var insert = new SeriesBatchInsert(dataSource);
        _batcher = new CommitBatcher<SeriesRow>(options.Value.SeriesBatch,
            (rows, cancellationToken) => TransientFailures.GuardAsync(async () =>
            {
                await insert.WriteAsync(rows, cancellationToken);
                return rows.Count;
            }),
            // PostgreSQL refused the data itself (not an outage): find whose points it was.
            isolates: exception => exception is not Contracts.Devices.StorageUnavailableException);
    }

    public Task AppendAsync(long logicalUid, IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var rows = new SeriesRow[points.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new SeriesRow(logicalUid, points[i]);
        }

        return _batcher.EnqueueAsync(rows);
    }

    public Task<IReadOnlyList<SeriesPoint>> LoadLatestAsync(long logicalUid, CancellationToken cancellationToken = default) =>
        TransientFailures.GuardAsync<IReadOnlyList<SeriesPoint>>(async () =>
        {
            await using var command = _dataSource.CreateCommand(
                """
                SELECT DISTINCT ON (name) name, ts, value, text_value, physical_uid, correlation_id
                FROM series_points WHERE logical_uid = $1 ORDER BY name, ts DESC
                """);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = logicalUid });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var latest = new List<SeriesPoint>();
            while (await reader.ReadAsync(cancellationToken))
            {
                latest.Add(new SeriesPoint(
                    reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
                    reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt64(4), reader.GetGuid(5)));
            }

            return latest;
        });

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();
}
