using IoTStack.Contracts.Reports;
using Microsoft.Extensions.Logging;

namespace IoTStack.Silo.Reports;

/// <summary>
/// One tick of a report's schedule: run the latest occurrence that is due and has not run (once, however many a
/// cluster outage missed), then say how long until the next one. Time comes from <see cref="TimeProvider"/> so the
/// unit tests move the clock instead of sleeping.
/// </summary>
public sealed class ReportOccurrenceRunner(IReportRuns runs, TimeProvider time, ILogger<ReportOccurrenceRunner> logger)
{
    /// <summary>The time until the next occurrence, or null when the definition is gone or never fires again.</summary>
    public async Task<TimeSpan?> TickAsync(long definitionId, string runBy, CancellationToken cancellationToken)
    {
        var definition = await runs.FindAsync(definitionId, cancellationToken);
        if (definition is null)
        {
            logger.LogInformation("Report definition {DefinitionId} was deleted; its schedule ends", definitionId);
            return null;
        }

        if (!ReportSchedule.TryParse(definition.Cron, definition.TimeZone, out var schedule, out var error))
        {
            logger.LogWarning("Report definition {DefinitionId} is not schedulable: {Reason}", definitionId, error);
            return null;
        }

        var now = time.GetUtcNow();
        // Occurrences before the definition existed are not "missed".
        var lastRun = await runs.LastScheduledRunAsync(definitionId, cancellationToken) ?? definition.CreatedAt;
        if (schedule.LatestDue(lastRun, now) is { } due)
        {
            var ran = await runs.RunScheduledAsync(definitionId, due, runBy, cancellationToken);
            logger.LogInformation("Report {DefinitionId} occurrence {Occurrence}: {Outcome}", definitionId, due, ran ? "ran" : "had already run");
        }

        return schedule.NextAfter(now) is { } next ? next - now : null;
    }
}
