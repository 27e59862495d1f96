using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IoTStack.Silo.Storage;

/// <summary>Writes the buffered device activity with three set-based statements every few seconds and at shutdown.</summary>
public sealed partial class DeviceActivityFlusher(
    DeviceActivityBuffer buffer, NpgsqlDataSource dataSource, IOptions<SiloPipelineOptions> options, ILogger<DeviceActivityFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ActivityFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var snapshot = buffer.Drain();
        if (snapshot.IsEmpty)
        {
            return;
        }

        try
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(LastSeen("physical_devices", snapshot.Physical));
            batch.BatchCommands.Add(LastSeen("logical_devices", snapshot.Logical));
            batch.BatchCommands.Add(Unmapped(snapshot.Unmapped));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            // Last-seen times are advisory; the next messages will record newer ones.
            LogFlushFailed(logger, exception);
        }
    }

    private static NpgsqlBatchCommand LastSeen(string table, IReadOnlyDictionary<long, DateTimeOffset> seen)
    {
        var command = new NpgsqlBatchCommand(
            $"""
            UPDATE {table} d SET last_seen = greatest(d.last_seen, s.at)
            FROM unnest($1::bigint[], $2::timestamptz[]) AS s(uid, at) WHERE d.uid = s.uid
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = seen.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = seen.Values.ToArray() });
        return command;
    }

    private static NpgsqlBatchCommand Unmapped(IReadOnlyDictionary<long, UnmappedTraffic> traffic)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO unmapped_device_activity AS a (physical_uid, first_seen, last_seen, last_correlation_id, message_count)
            SELECT t.uid, t.first_seen, t.last_seen, t.correlation_id, t.messages
            FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::uuid[], $5::bigint[])
                AS t(uid, first_seen, last_seen, correlation_id, messages)
            WHERE EXISTS (SELECT 1 FROM physical_devices d WHERE d.uid = t.uid)
            ON CONFLICT (physical_uid) DO UPDATE SET
                first_seen = least(a.first_seen, excluded.first_seen),
                last_seen = greatest(a.last_seen, excluded.last_seen),
                last_correlation_id = CASE WHEN excluded.last_seen >= a.last_seen THEN excluded.last_correlation_id ELSE a.last_correlation_id END,
                message_count = a.message_count + excluded.message_count
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = traffic.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = traffic.Values.Select(t => t.FirstSeen).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = traffic.Values.Select(t => t.LastSeen).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = traffic.Values.Select(t => t.LastCorrelationId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = traffic.Values.Select(t => t.Messages).ToArray() });
        return command;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record device activity; it will be recorded with the next messages")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
