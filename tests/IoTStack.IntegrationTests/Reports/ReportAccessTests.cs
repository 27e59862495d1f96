using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL;
using IoTStack.IntegrationTests.Api;
using IoTStack.IntegrationTests.Silo;

namespace IoTStack.IntegrationTests.Reports;

/// <summary>Who may define and run reports, and the clear errors bad definitions get.</summary>
[Collection(TwoSiloFixture.Group)]
public sealed class ReportAccessTests(TwoSiloFixture fixture) : ReportTestBase(fixture)
{
    private const string Create =
        "mutation($uids: [Long!]!, $cron: String!, $zone: String!, $period: String!) { createReportDefinition(" +
        "name: \"access\", logicalUids: $uids, cron: $cron, timeZone: $zone, period: $period) { id } }";

    [Fact]
    public async Task Readers_list_reports_but_only_operators_create_and_run_them()
    {
        var reader = await Api.SignInAsync(Roles.Reader);
        var uid = await CreateLogicalDeviceWithPointsAsync($"access-{Guid.NewGuid():N}", []);

        var (_, denied) = await Api.PostAsync(Create, reader, new { uids = new[] { uid }, cron = "0 6 * * *", zone = "UTC", period = "P1D" });
        Assert.Equal([ApiErrors.Forbidden], ApiClient.ErrorCodes(denied));
        var (_, runDenied) = await Api.PostAsync("mutation { runReport(definitionId: 1) { id } }", reader);
        Assert.Equal([ApiErrors.Forbidden], ApiClient.ErrorCodes(runDenied));

        var listed = await Api.DataAsync("{ reportDefinitions { edges { node { id cron runs { edges { node { id csvPath } } } } } } }", reader);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, listed.GetProperty("reportDefinitions").GetProperty("edges").ValueKind);
    }

    [Theory]
    [InlineData("every morning", "UTC", "P1D", false)]
    [InlineData("0 6 * * *", "Mars/Olympus_Mons", "P1D", false)]
    [InlineData("0 6 * * *", "UTC", "one day", false)]
    [InlineData("0 6 * * *", "UTC", "P1D", true)]
    public async Task Bad_definitions_are_refused_as_bad_user_input(string cron, string zone, string period, bool unknownDevice)
    {
        var uid = unknownDevice ? -1 : await CreateLogicalDeviceWithPointsAsync($"bad-{Guid.NewGuid():N}", []);

        var (_, body) = await Api.PostAsync(Create, await OperatorAsync(), new { uids = new[] { uid }, cron, zone, period });

        Assert.Equal([ApiErrors.BadUserInput], ApiClient.ErrorCodes(body));
    }

    [Fact]
    public async Task Running_a_report_that_does_not_exist_is_not_found()
    {
        var (_, body) = await Api.PostAsync("mutation { runReport(definitionId: -5) { id } }", await OperatorAsync());

        Assert.Equal([ApiErrors.NotFound], ApiClient.ErrorCodes(body));
    }
}
