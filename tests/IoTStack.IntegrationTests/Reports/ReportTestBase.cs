using IoTStack.Api.Auth;
using IoTStack.IntegrationTests.Api;
using IoTStack.IntegrationTests.Silo;

namespace IoTStack.IntegrationTests.Reports;

/// <summary>Reports on the two-silo stack: definitions are made over GraphQL by an operator.</summary>
public abstract class ReportTestBase(TwoSiloFixture fixture) : ApiTestBase(fixture)
{
    protected async Task<long> CreateDefinitionAsync(string token, long logicalUid, string cron, string period, string timeZone = "Australia/Sydney")
    {
        var data = await Api.DataAsync(
            "mutation($name: String!, $uids: [Long!]!, $cron: String!, $zone: String!, $period: String!) { createReportDefinition(" +
            "name: $name, logicalUids: $uids, cron: $cron, timeZone: $zone, period: $period) { id } }",
            token,
            new { name = $"report-{Guid.NewGuid():N}", uids = new[] { logicalUid }, cron, zone = timeZone, period });
        return data.GetProperty("createReportDefinition").GetProperty("id").GetInt64();
    }

    /// <summary>The scheduled runs of a definition, each with how many result rows it stored.</summary>
    protected async Task<List<(DateTimeOffset ScheduledFor, long Results)>> ScheduledRunsAsync(long definitionId)
    {
        await using var command = Database.CreateCommand(
            "SELECT r.scheduled_for, (SELECT count(*) FROM report_results x WHERE x.run_id = r.id) FROM report_runs r " +
            "WHERE r.definition_id = $1 AND r.scheduled_for IS NOT NULL ORDER BY r.scheduled_for");
        command.Parameters.Add(new() { Value = definitionId });
        var runs = new List<(DateTimeOffset, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        }

        return runs;
    }

    protected Task<string> OperatorAsync() => Api.SignInAsync(Roles.Operator);
}
