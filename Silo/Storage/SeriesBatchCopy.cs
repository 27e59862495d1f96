using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Silo.Storage;

/// <summary>
/// Writes one batch of rows in one transaction: binary COPY into a session-local staging table, then one
/// INSERT ... ON CONFLICT DO NOTHING into series_points, so a re-delivered message adds nothing. Rows go in
/// primary-key order so two batches holding the same keys (a redelivery racing its original) cannot deadlock.
/// </summary>
public sealed class SeriesBatchCopy(NpgsqlDataSource dataSource)
{
    private const string CreateStaging =
        """
        CREATE TEMP TABLE IF NOT EXISTS series_staging (
            logical_uid bigint, physical_uid bigint, name text, ts timestamptz,
            value double precision, text_value text, correlation_id uuid) ON COMMIT DELETE ROWS
        """;

    private const string CopyIntoStaging =
        "COPY series_staging (logical_uid, physical_uid, name, ts, value, text_value, correlation_id) FROM STDIN (FORMAT BINARY)";

    private const string MergeIntoSeries =
        """
        INSERT INTO series_points (logical_uid, physical_uid, name, ts, value, text_value, correlation_id)
        SELECT logical_uid, physical_uid, name, ts, value, text_value, correlation_id FROM series_staging
        ORDER BY logical_uid, name, ts, correlation_id
        ON CONFLICT DO NOTHING
        """;

    public async Task WriteAsync(IReadOnlyList<SeriesRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyIntoStaging, cancellationToken))
        {
            foreach (var (logicalUid, point) in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(logicalUid, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(point.PhysicalUid, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(point.Name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(point.Timestamp, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(point.Value, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(point.Text, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(point.CorrelationId, NpgsqlDbType.Uuid, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var merge = new NpgsqlCommand(MergeIntoSeries, connection, transaction))
        {
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
