using IoTStack.Silo.Reports;

namespace IoTStack.Silo.Tests.Reports;

/// <summary>Report definitions and runs in memory, refusing a second run of an occurrence as run_report does.</summary>
internal sealed class FakeReportRuns : IReportRuns
{
    private readonly Dictionary<long, ScheduledDefinition> _definitions = [];
    private readonly List<(long DefinitionId, DateTimeOffset Occurrence, string RunBy)> _runs = [];

    public IReadOnlyList<(long DefinitionId, DateTimeOffset Occurrence, string RunBy)> Runs => _runs;

    public void Define(ScheduledDefinition definition) => _definitions[definition.Id] = definition;

    public void Delete(long id) => _definitions.Remove(id);

    public Task<IReadOnlyList<long>> ListDefinitionIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<long>>([.. _definitions.Keys]);

    public Task<ScheduledDefinition?> FindAsync(long definitionId, CancellationToken cancellationToken) =>
        Task.FromResult(_definitions.GetValueOrDefault(definitionId));

    public Task<DateTimeOffset?> LastScheduledRunAsync(long definitionId, CancellationToken cancellationToken) =>
        Task.FromResult(_runs.Where(run => run.DefinitionId == definitionId).Select(run => (DateTimeOffset?)run.Occurrence).Max());

    public Task<bool> RunScheduledAsync(long definitionId, DateTimeOffset occurrence, string runBy, CancellationToken cancellationToken)
    {
        if (_runs.Any(run => run.DefinitionId == definitionId && run.Occurrence == occurrence))
        {
            return Task.FromResult(false);
        }

        _runs.Add((definitionId, occurrence, runBy));
        return Task.FromResult(true);
    }
}
