using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Benchmark;

/// <summary>
/// PostgreSQL's ceiling: one binary COPY of the same number of points into series_points itself (same indexes,
/// same partitioning), under a logical uid no device has; the rows are deleted afterwards.
/// </summary>
public static class CopyCeiling
{
    private const long CeilingLogicalUid = -7;

    public static async Task<CeilingResult> RunAsync(string connectionString, long points, int pointsPerMessage)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var connection = await db.OpenConnectionAsync();
        var names = Enumerable.Range(0, pointsPerMessage).Select(Simulator.NoisySeries.NameOf).ToArray();
        var start = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY series_points (logical_uid, physical_uid, name, ts, value, correlation_id) FROM STDIN (FORMAT BINARY)"))
        {
            var correlation = Guid.CreateVersion7();
            for (long i = 0; i < points; i++)
            {
                if (i % pointsPerMessage == 0)
                {
                    correlation = Guid.CreateVersion7();
                }

                await writer.StartRowAsync();
                await writer.WriteAsync(CeilingLogicalUid, NpgsqlDbType.Bigint);
                await writer.WriteAsync(CeilingLogicalUid, NpgsqlDbType.Bigint);
                await writer.WriteAsync(names[i % pointsPerMessage], NpgsqlDbType.Text);
                await writer.WriteAsync(start.AddTicks(i / pointsPerMessage * 10), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(20.0 + (i % 100) / 10.0, NpgsqlDbType.Double);
                await writer.WriteAsync(correlation, NpgsqlDbType.Uuid);
            }

            await writer.CompleteAsync();
        }

        clock.Stop();
        await using var cleanup = new NpgsqlCommand($"DELETE FROM series_points WHERE logical_uid = {CeilingLogicalUid}", connection);
        await cleanup.ExecuteNonQueryAsync();
        return new CeilingResult("PostgreSQL binary COPY into series_points (points)", points, clock.Elapsed.TotalSeconds);
    }
}
