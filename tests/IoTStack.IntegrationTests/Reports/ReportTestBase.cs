using IoTStack.Api.Auth;
using IoTStack.IntegrationTests.Api;
using IoTStack.IntegrationTests.Silo;

namespace IoTStack.IntegrationTests.Reports;

/// <summary>Reports on the two-silo stack: definitions are made over GraphQL by an operator.</summary>
public abstract class ReportTestBase(TwoSiloFixture fixture) : ApiTestBase(fixture)
{
    protected async Task<long> CreateDefinitionAsync(string token, long logicalUid, string cron, string period)
    {
        var data = await Api.DataAsync(
            "mutation($name: String!, $uids: [Long!]!, $cron: String!, $period: String!) { createReportDefinition(" +
            "name: $name, logicalUids: $uids, cron: $cron, timeZone: \"Australia/Sydney\", period: $period) { id } }",
            token,
            new { name = $"report-{Guid.NewGuid():N}", uids = new[] { logicalUid }, cron, period });
        return data.GetProperty("createReportDefinition").GetProperty("id").GetInt64();
    }

    protected Task<string> OperatorAsync() => Api.SignInAsync(Roles.Operator);
}
