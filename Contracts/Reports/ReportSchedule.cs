using Cronos;

namespace IoTStack.Contracts.Reports;

/// <summary>
/// A report's cron expression read in its IANA time zone. Five fields, or six with seconds first. The Api validates
/// definitions with <see cref="TryParse"/>; the Silo asks which occurrence is due and when the next one comes.
/// </summary>
public sealed class ReportSchedule
{
    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;

    private ReportSchedule(CronExpression cron, TimeZoneInfo zone)
    {
        _cron = cron;
        _zone = zone;
    }

    public static ReportSchedule Parse(string cron, string timeZone) =>
        TryParse(cron, timeZone, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string cron, string timeZone, out ReportSchedule schedule, out string error)
    {
        schedule = null!;
        error = string.Empty;
        var format = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!CronExpression.TryParse(cron, format, out var expression))
        {
            error = $"'{cron}' is not a cron expression (5 fields, or 6 with seconds first).";
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            error = $"'{timeZone}' is not a known IANA time zone.";
            return false;
        }

        schedule = new ReportSchedule(expression, zone);
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the cron never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => _cron.GetNextOccurrence(after, _zone);

    /// <summary>
    /// The latest occurrence in (<paramref name="lastRun"/>, <paramref name="now"/>], or null. Only the latest one
    /// matters: however many occurrences a cluster outage missed, the report runs once when the cluster is back.
    /// </summary>
    public DateTimeOffset? LatestDue(DateTimeOffset lastRun, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        for (var next = NextAfter(lastRun); next is { } occurrence && occurrence <= now; next = NextAfter(occurrence))
        {
            latest = occurrence;
        }

        return latest;
    }
}
