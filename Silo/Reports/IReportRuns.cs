namespace IoTStack.Silo.Reports;

/// <summary>What the report scheduler needs from PostgreSQL (a fake in the unit tests).</summary>
public interface IReportRuns
{
    Task<IReadOnlyList<long>> ListDefinitionIdsAsync(CancellationToken cancellationToken);

    Task<ScheduledDefinition?> FindAsync(long definitionId, CancellationToken cancellationToken);

    /// <summary>The latest scheduled occurrence that has run, or null when none has.</summary>
    Task<DateTimeOffset?> LastScheduledRunAsync(long definitionId, CancellationToken cancellationToken);

    /// <summary>Runs the occurrence; false when it had already run (another silo, or a retried tick).</summary>
    Task<bool> RunScheduledAsync(long definitionId, DateTimeOffset occurrence, string runBy, CancellationToken cancellationToken);
}

/// <summary>The parts of a report definition that decide when it runs.</summary>
public sealed record ScheduledDefinition(long Id, string Cron, string TimeZone, DateTimeOffset CreatedAt);
