using System.Text.Json.Nodes;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Queries;

/// <summary>Every GraphQL operation 'report' sends, in one place.</summary>
public static class ReportQueries
{
    private const string DefinitionFields = "id name logicalUids cron timeZone period createdAt";
    private const string RunFields = "id definitionId scheduledFor periodStart periodEnd runBy finishedAt csvPath";
    private const string ResultFields = "logicalUid name count min max avg firstTimestamp lastTimestamp longestGapSeconds";

    /// <summary>The definitions (all of them, or the first <paramref name="limit"/>), each with its latest run (or null) so an operator sees what there is to download.</summary>
    public static async Task<JsonArray> DefinitionsAsync(GraphQLClient api, int? limit, CancellationToken cancellationToken)
    {
        var definitions = await Connections.AllAsync(
            api, "reportDefinitions", $"{DefinitionFields} runs(first: 1) {{ edges {{ node {{ {RunFields} }} }} }}", atMost: limit, cancellationToken: cancellationToken);
        foreach (var definition in definitions.OfType<JsonObject>())
        {
            var latest = definition["runs"]!["edges"]!.AsArray().FirstOrDefault();
            definition.Remove("runs");
            definition["lastRun"] = latest?["node"]!.DeepClone();
        }

        return definitions;
    }

    /// <param name="definition">The Api's argument names: name, logicalUids, cron, timeZone, period.</param>
    public static async Task<JsonNode?> CreateDefinitionAsync(GraphQLClient api, JsonObject definition, CancellationToken cancellationToken) =>
        (await api.SendAsync(
            "mutation($name: String!, $logicalUids: [Long!]!, $cron: String!, $timeZone: String!, $period: String!) { createReportDefinition("
            + $"name: $name, logicalUids: $logicalUids, cron: $cron, timeZone: $timeZone, period: $period) {{ {DefinitionFields} }} }}",
            definition, cancellationToken))["createReportDefinition"];

    /// <summary>Runs the report now, over the period ending at <paramref name="periodEnd"/> (now when null).</summary>
    public static async Task<JsonNode?> RunAsync(GraphQLClient api, long definitionId, DateTimeOffset? periodEnd, CancellationToken cancellationToken) =>
        (await api.SendAsync($"mutation($id: Long!, $end: DateTimeOffset) {{ runReport(definitionId: $id, periodEnd: $end) {{ {RunFields} }} }}",
            new { id = definitionId, end = periodEnd?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken))["runReport"];

    /// <summary>One run with its results, or null when there is no such run.</summary>
    public static async Task<JsonNode?> RunWithResultsAsync(GraphQLClient api, long runId, CancellationToken cancellationToken) =>
        (await api.SendAsync($"query($id: Long!) {{ reportRun(id: $id) {{ {RunFields} results {{ {ResultFields} }} }} }}", new { id = runId }, cancellationToken))["reportRun"];
}
