using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Benchmark;

/// <summary>
/// The query phase's data: one logical device with one series laid out by <see cref="QueryLayout"/>, written with a
/// single binary COPY into series_points (this phase measures reading, not ingest; the rollup triggers still run).
/// </summary>
public static class QueryFixture
{
    public const string SeriesName = "temperature";

    /// <summary>Creates the device, loads its points and returns its uid and the seconds the load took.</summary>
    public static async Task<(long LogicalUid, double Seconds)> LoadAsync(string connectionString, QueryLayout layout, CancellationToken cancellationToken)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var create = db.CreateCommand("INSERT INTO logical_devices (name) VALUES ('benchmark-query') RETURNING uid");
        var uid = (long)(await create.ExecuteScalarAsync(cancellationToken))!;
        var clock = Stopwatch.StartNew();
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY series_points (logical_uid, physical_uid, name, ts, value, correlation_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            writer.Timeout = TimeSpan.FromMinutes(10);
            for (var i = 0; i < layout.Points; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(uid, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(0L, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(SeriesName, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(layout.TimestampOf(i), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(20 + 5 * Math.Sin(i / 1000.0) + i % 7 / 10.0, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        clock.Stop();
        // What autovacuum's analyze would do shortly after a bulk load; the planner needs the new row counts.
        await using var analyze = db.CreateCommand("ANALYZE series_points; ANALYZE series_minutes");
        analyze.CommandTimeout = 600;
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return (uid, clock.Elapsed.TotalSeconds);
    }
}
