using Npgsql;

namespace IoTStack.Silo.Reports;

public sealed class PostgresReportRuns(NpgsqlDataSource dataSource) : IReportRuns
{
    public async Task<IReadOnlyList<long>> ListDefinitionIdsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM report_definitions ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<ScheduledDefinition?> FindAsync(long definitionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT cron, time_zone, created_at FROM report_definitions WHERE id = $1");
        command.Parameters.Add(new() { Value = definitionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ScheduledDefinition(definitionId, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    public async Task<DateTimeOffset?> LastScheduledRunAsync(long definitionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT max(scheduled_for) FROM report_runs WHERE definition_id = $1");
        command.Parameters.Add(new() { Value = definitionId });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime last ? new DateTimeOffset(last, TimeSpan.Zero) : null;
    }

    public async Task<bool> RunScheduledAsync(long definitionId, DateTimeOffset occurrence, string runBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT run_report($1, $2, true, $3)");
        command.Parameters.Add(new() { Value = definitionId });
        command.Parameters.Add(new() { Value = occurrence.ToUniversalTime() });
        command.Parameters.Add(new() { Value = runBy });
        return await command.ExecuteScalarAsync(cancellationToken) is long;
    }
}
