using System.Text.Json.Nodes;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Queries;

/// <summary>
/// Every GraphQL operation 'map' sends, in one place: when <c>mappingHistory</c> becomes a Relay connection only this
/// file changes, the commands keep getting a plain array of mappings.
/// </summary>
public static class MappingQueries
{
    private const string MappingFields = "physicalUid logicalUid startTime endTime isOpen physicalDevice { uid name } logicalDevice { uid name }";

    /// <summary>One device's mappings, newest first; give exactly one of the uids.</summary>
    public static async Task<JsonArray> HistoryAsync(GraphQLClient api, long? physicalUid, long? logicalUid, CancellationToken cancellationToken)
    {
        var data = await api.SendAsync(
            $"query($p: Long, $l: Long) {{ mappingHistory(physicalUid: $p, logicalUid: $l) {{ {MappingFields} }} }}", new { p = physicalUid, l = logicalUid }, cancellationToken);
        return data["mappingHistory"]!.AsArray();
    }

    public static async Task<JsonNode?> StartAsync(GraphQLClient api, long physicalUid, long logicalUid, CancellationToken cancellationToken) =>
        (await api.SendAsync($"mutation($p: Long!, $l: Long!) {{ mapDevices(physicalUid: $p, logicalUid: $l) {{ {MappingFields} }} }}",
            new { p = physicalUid, l = logicalUid }, cancellationToken))["mapDevices"];

    /// <summary>The mapping that was ended, or null when the device had no open one.</summary>
    public static async Task<JsonNode?> EndAsync(GraphQLClient api, long? physicalUid, long? logicalUid, CancellationToken cancellationToken) =>
        (await api.SendAsync($"mutation($p: Long, $l: Long) {{ endMapping(physicalUid: $p, logicalUid: $l) {{ {MappingFields} }} }}",
            new { p = physicalUid, l = logicalUid }, cancellationToken))["endMapping"];
}
