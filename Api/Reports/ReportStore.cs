using System.Data.Common;
using IoTStack.Api.Registry;
using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Api.Reports;

/// <summary>Report definitions, runs and results in PostgreSQL; the figures themselves come from <c>run_report</c>.</summary>
public sealed class ReportStore(NpgsqlDataSource dataSource)
{
    private const string DefinitionColumns = "id, name, logical_uids, cron, time_zone, period, created_at";
    private const string RunColumns = "id, definition_id, scheduled_for, period_start, period_end, run_by, finished_at";

    /// <summary>At most <paramref name="take"/> definitions with an id above <paramref name="afterId"/>, by id.</summary>
    public async Task<IReadOnlyList<ReportDefinition>> DefinitionsPageAsync(long afterId, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {DefinitionColumns} FROM report_definitions WHERE id > $1 ORDER BY id LIMIT $2");
        command.Parameters.Add(new() { Value = afterId });
        command.Parameters.Add(new() { Value = take });
        return await RowReaders.ReadAllAsync(command, ReadDefinition, cancellationToken);
    }

    public async Task<ReportDefinition> CreateAsync(
        string name, IReadOnlyList<long> logicalUids, string cron, string timeZone, TimeSpan period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO report_definitions (name, logical_uids, cron, time_zone, period) VALUES ($1, $2, $3, $4, $5) RETURNING {DefinitionColumns}");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = logicalUids.ToArray() });
        command.Parameters.Add(new() { Value = cron });
        command.Parameters.Add(new() { Value = timeZone });
        command.Parameters.Add(new() { Value = period, NpgsqlDbType = NpgsqlDbType.Interval });
        return (await RowReaders.ReadAllAsync(command, ReadDefinition, cancellationToken))[0];
    }

    /// <summary>Runs the report now over the period ending at <paramref name="periodEnd"/>; null when the definition does not exist.</summary>
    public async Task<ReportRun?> RunNowAsync(long definitionId, DateTimeOffset periodEnd, string runBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT run_report($1, $2, false, $3)");
        command.Parameters.Add(new() { Value = definitionId });
        command.Parameters.Add(new() { Value = periodEnd.ToUniversalTime() });
        command.Parameters.Add(new() { Value = runBy });
        try
        {
            // An on-demand run is never refused as a duplicate, so run_report returns its id.
            return await FindRunAsync((long)(await command.ExecuteScalarAsync(cancellationToken))!, cancellationToken);
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.NoDataFound)
        {
            return null;
        }
    }

    /// <summary>At most <paramref name="take"/> runs of a definition after <paramref name="after"/>, latest period first.</summary>
    public async Task<IReadOnlyList<ReportRun>> RunsPageAsync(long definitionId, ReportRunKey? after, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {RunColumns} FROM report_runs WHERE definition_id = $1 " +
            "AND ($2::timestamptz IS NULL OR (period_end, id) < ($2, $3)) ORDER BY period_end DESC, id DESC LIMIT $4");
        command.Parameters.Add(new() { Value = definitionId });
        command.Parameters.Add(PhysicalDeviceStore.Nullable(after?.PeriodEnd.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(PhysicalDeviceStore.Nullable(after?.Id, NpgsqlDbType.Bigint));
        command.Parameters.Add(new() { Value = take });
        return await RowReaders.ReadAllAsync(command, ReadRun, cancellationToken);
    }

    public async Task<ReportRun?> FindRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {RunColumns} FROM report_runs WHERE id = $1");
        command.Parameters.Add(new() { Value = runId });
        var runs = await RowReaders.ReadAllAsync(command, ReadRun, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    public async Task<IReadOnlyList<ReportResultRow>> ResultsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT logical_uid, name, point_count, min_value, max_value, avg_value, first_ts, last_ts, longest_gap " +
            "FROM report_results WHERE run_id = $1 ORDER BY logical_uid, name");
        command.Parameters.Add(new() { Value = runId });
        return await RowReaders.ReadAllAsync(
            command,
            r => new ReportResultRow(
                r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4),
                r.IsDBNull(5) ? null : r.GetDouble(5), r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateTimeOffset>(7), r.GetFieldValue<TimeSpan>(8)),
            cancellationToken);
    }

    private static ReportDefinition ReadDefinition(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetFieldValue<long[]>(2), r.GetString(3), r.GetString(4), r.GetFieldValue<TimeSpan>(5), r.GetFieldValue<DateTimeOffset>(6));

    private static ReportRun ReadRun(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3),
        r.GetFieldValue<DateTimeOffset>(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6));
}
