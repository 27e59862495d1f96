using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>
/// <c>reportDefinitions</c> (and a definition's <c>runs</c>) and <c>ruleDocuments</c> page as Relay connections on
/// their unique keys, like the registry's lists (<see cref="ConnectionPagingTests"/>).
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class ManagementConnectionPagingTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private const string PageFields = ConnectionPages.PageInfoFields;

    [Fact]
    public async Task Report_definitions_page_by_id_and_a_definitions_runs_page_latest_period_first()
    {
        var token = await Api.SignInAsync(Roles.Reader);
        var definitions = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            definitions.AddRange(await QueryAsync<long>(
                "INSERT INTO report_definitions (name, logical_uids, cron, time_zone, period) VALUES ($1, '{1}', '0 6 * * *', 'UTC', 'P1D') RETURNING id",
                $"paged-{Guid.NewGuid():N}"));
        }

        // Two on-demand runs over the same period: only the key's second part (the id) orders them.
        var end = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);
        foreach (var periodEnd in new[] { end, end, end.AddDays(-1) })
        {
            await ExecuteAsync(
                "INSERT INTO report_runs (definition_id, period_start, period_end, run_by) VALUES ($1, $2, $3, 'test')", definitions[0], periodEnd.AddDays(-1), periodEnd);
        }

        var pages = await Api.PagesAsync(
            $"query($first: Int!, $after: String) {{ reportDefinitions(first: $first, after: $after) {{ edges {{ cursor node {{ id }} }} {PageFields} }} }}",
            "reportDefinitions", token, first: 2);
        var edges = pages.SelectMany(page => page.GetProperty("edges").EnumerateArray()).ToList();
        var beforeFirst = edges.FindIndex(edge => edge.GetProperty("node").GetProperty("id").GetInt64() == definitions[0]) switch
        {
            0 => null,
            var index => edges[index - 1].GetProperty("cursor").GetString(),
        };
        var runPages = await Api.PagesAsync(
            $"query($first: Int!, $after: String, $d: String) {{ reportDefinitions(first: 1, after: $d) {{ edges {{ node {{ runs(first: $first, after: $after) {{ edges {{ cursor node {{ id }} }} {PageFields} }} }} }} }} }}",
            "runs", token, first: 2, variables: new { d = beforeFirst },
            connectionOf: data => data.GetProperty("reportDefinitions").GetProperty("edges")[0].GetProperty("node").GetProperty("runs"));

        var expectedRuns = await QueryAsync<long>("SELECT id FROM report_runs WHERE definition_id = $1 ORDER BY period_end DESC, id DESC", definitions[0]);
        var expectedDefinitions = await QueryAsync<long>("SELECT id FROM report_definitions ORDER BY id");
        await ExecuteAsync("DELETE FROM report_definitions WHERE id = ANY($1)", definitions.ToArray());
        ConnectionPages.AssertPaged(pages, pageSize: 2);
        Assert.Equal(expectedDefinitions, ConnectionPages.Nodes(pages).Select(node => node.GetProperty("id").GetInt64()));
        ConnectionPages.AssertPaged(runPages, pageSize: 2);
        Assert.Equal(3, expectedRuns.Count);
        Assert.Equal(expectedRuns, ConnectionPages.Nodes(runPages).Select(node => node.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Rule_documents_page_by_name()
    {
        var token = await Api.SignInAsync(Roles.Operator);
        var names = Enumerable.Range(0, 3).Select(i => $"paged-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var name in names)
        {
            await Api.DataAsync(
                "mutation($name: String, $document: String!) { putRuleDocument(name: $name, document: $document) { name } }", token,
                new { name, document = """{ "filters": [], "rules": [] }""" });
        }

        var pages = await Api.PagesAsync(
            $"query($first: Int!, $after: String) {{ ruleDocuments(first: $first, after: $after) {{ edges {{ cursor node {{ name }} }} {PageFields} }} }}",
            "ruleDocuments", token, first: 2);

        var expected = await QueryAsync<string>("SELECT name FROM rule_documents ORDER BY name");
        await ExecuteAsync("DELETE FROM rule_documents WHERE name = ANY($1)", (object)names.ToArray()); // one text[] parameter, not three
        ConnectionPages.AssertPaged(pages, pageSize: 2);
        Assert.Equal(expected, ConnectionPages.Nodes(pages).Select(node => node.GetProperty("name").GetString()));
        Assert.Subset(expected.ToHashSet(), names.ToHashSet());
    }
}
