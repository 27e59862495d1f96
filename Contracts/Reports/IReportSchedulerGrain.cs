namespace IoTStack.Contracts.Reports;

/// <summary>
/// Runs one report definition (the key is its id) on its cron schedule. Orleans keeps one activation and one
/// reminder per definition across the cluster; run_report refuses a second run of the same occurrence.
/// </summary>
public interface IReportSchedulerGrain : IGrainWithIntegerKey
{
    /// <summary>Activates the schedule (registers the reminder) and runs an occurrence that is due.</summary>
    Task EnsureScheduledAsync();
}
