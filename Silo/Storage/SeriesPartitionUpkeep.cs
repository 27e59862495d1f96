using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IoTStack.Silo.Storage;

/// <summary>Keeps monthly series partitions created months ahead (series_points_ensure_partitions, migration 0110).</summary>
public sealed partial class SeriesPartitionUpkeep(
    NpgsqlDataSource dataSource, IOptions<SiloPipelineOptions> options, ILogger<SeriesPartitionUpkeep> logger) : BackgroundService
{
    private const int MonthsAhead = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PartitionUpkeepInterval);
        do
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT series_points_ensure_partitions($1)");
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MonthsAhead });
                var created = (int)(await command.ExecuteScalarAsync(stoppingToken))!;
                LogUpkeep(logger, created);
            }
            catch (Exception exception) when (TransientFailures.IsTransient(exception))
            {
                LogUpkeepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Series partitions ensured ({Created} created)")]
    private static partial void LogUpkeep(ILogger logger, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series partition upkeep failed; retrying at the next interval")]
    private static partial void LogUpkeepFailed(ILogger logger, Exception exception);
}
