using IoTStack.Contracts.Reports;

namespace IoTStack.Silo.Reports;

/// <summary>
/// One report definition's schedule. Orleans reminders fire at most every minute and are not cron-aware, so the
/// grain works out the next cron occurrence itself and re-arms its reminder to fire then; the one-minute period is
/// only a safety net should a re-arm be lost. Reminders are persisted (PostgreSQL), so after an outage the first
/// tick, or the activator's call on start-up, runs the missed occurrence once.
/// </summary>
public sealed class ReportSchedulerGrain(ReportOccurrenceRunner runner) : Grain, IReportSchedulerGrain, IRemindable
{
    private const string ReminderName = "report-schedule";

    /// <summary>Orleans' minimum reminder period.</summary>
    private static readonly TimeSpan SafetyNetPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Long waits are split: a tick before the occurrence simply re-arms.</summary>
    private static readonly TimeSpan LongestDueTime = TimeSpan.FromDays(1);

    private bool _armed;

    public async Task EnsureScheduledAsync()
    {
        if (!_armed)
        {
            await TickAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private async Task TickAsync()
    {
        var untilNext = await runner.TickAsync(this.GetPrimaryKeyLong(), RuntimeIdentity, CancellationToken.None);
        if (untilNext is { } dueTime)
        {
            var clamped = dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime > LongestDueTime ? LongestDueTime : dueTime;
            await this.RegisterOrUpdateReminder(ReminderName, clamped, SafetyNetPeriod);
            _armed = true;
            return;
        }

        // Deleted, or its cron never fires again: nothing left to remind.
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _armed = false;
        DeactivateOnIdle();
    }
}
