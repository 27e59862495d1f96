using IoTStack.Contracts.Reports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IoTStack.Silo.Reports;

/// <summary>
/// Wakes the scheduler grain of every report definition: on start-up (so missed occurrences run at once, not at
/// the next reminder tick) and every <see cref="ReportOptions.ScanInterval"/> (so definitions the Api created get
/// their reminder). Every silo does this; Orleans' single activation per definition makes it harmless.
/// </summary>
public sealed class ReportScheduleActivator(
    IGrainFactory grains, IReportRuns runs, IOptions<ReportOptions> options, TimeProvider time, ILogger<ReportScheduleActivator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                foreach (var id in await runs.ListDefinitionIdsAsync(stoppingToken))
                {
                    await grains.GetGrain<IReportSchedulerGrain>(id).EnsureScheduledAsync();
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // PostgreSQL or the cluster is not ready yet; the next scan tries again.
                logger.LogWarning(exception, "Could not activate the report schedules; retrying in {Interval}", options.Value.ScanInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
