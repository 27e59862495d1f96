namespace IoTStack.Api.Reports;

/// <summary>A report: which logical devices, on which cron schedule in which IANA time zone, over which period.</summary>
public sealed record ReportDefinition(
    long Id, string Name, IReadOnlyList<long> LogicalUids, string Cron, string TimeZone, TimeSpan Period, DateTimeOffset CreatedAt);

/// <summary>One run of a report: scheduled (with its cron occurrence) or asked for over the API.</summary>
public sealed record ReportRun(
    long Id, long DefinitionId, DateTimeOffset? ScheduledFor, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string RunBy, DateTimeOffset FinishedAt)
{
    /// <summary>Its position among its definition's runs, latest period first: the period alone can repeat (on-demand runs).</summary>
    public ReportRunKey Key => new(PeriodEnd, Id);
}

public sealed record ReportRunKey(DateTimeOffset PeriodEnd, long Id);

/// <summary>The built-in report's figures for one logical device and series name; min/max/avg over numeric points.</summary>
public sealed record ReportResultRow(
    long LogicalUid, string Name, long Count, double? Min, double? Max, double? Avg, DateTimeOffset FirstTimestamp, DateTimeOffset LastTimestamp,
    TimeSpan LongestGap);
