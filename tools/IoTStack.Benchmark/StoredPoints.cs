using IoTStack.Simulator;
using Npgsql;

namespace IoTStack.Benchmark;

/// <summary>
/// What reached series_points for a run's devices: the count, and publish→stored latency taken from the database
/// (<c>stored_at - ts</c>; the simulator stamps each point with its send time, on the same clock).
/// </summary>
public sealed record StoredPoints(long Count, double Seconds, Percentiles LatencyMs)
{
    public static async Task<StoredPoints> WaitForAsync(NpgsqlDataSource db, long[] physicalUids, DateTimeOffset since, long expected, TimeSpan patience)
    {
        // Wait until every acknowledged point is stored, or nothing new arrived for the whole patience.
        long count = -1, last = -1;
        var lastProgress = DateTime.UtcNow;
        while (count < expected && DateTime.UtcNow - lastProgress < patience)
        {
            await Task.Delay(500);
            count = await CountAsync(db, physicalUids, since);
            if (count != last)
            {
                (last, lastProgress) = (count, DateTime.UtcNow);
            }
        }

        await using var command = db.CreateCommand("""
            SELECT count(*), extract(epoch FROM max(stored_at) - min(ts)),
                   percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - ts) * 1000),
                   max(extract(epoch FROM stored_at - ts) * 1000)
              FROM series_points WHERE physical_uid = ANY($1) AND ts >= $2
            """);
        command.Parameters.Add(new() { Value = physicalUids });
        command.Parameters.Add(new() { Value = since });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var n = reader.GetInt64(0);
        if (n == 0)
        {
            return new StoredPoints(0, 0, Percentiles.Empty);
        }

        var p = reader.GetFieldValue<double[]>(2);
        return new StoredPoints(n, reader.GetDouble(1), new Percentiles((int)n, p[0], p[1], p[2], reader.GetDouble(3)));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, long[] physicalUids, DateTimeOffset since)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM series_points WHERE physical_uid = ANY($1) AND ts >= $2");
        command.Parameters.Add(new() { Value = physicalUids });
        command.Parameters.Add(new() { Value = since });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
