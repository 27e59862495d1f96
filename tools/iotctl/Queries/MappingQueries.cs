using System.Text.Json.Nodes;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Queries;

/// <summary>
/// Every GraphQL operation 'map' sends, in one place: <c>mappingHistory</c> is a Relay connection; the commands get a
/// plain array of mappings.
/// </summary>
public static class MappingQueries
{
    private const string MappingFields = "physicalUid logicalUid startTime endTime isOpen physicalDevice { uid name } logicalDevice { uid name }";

    /// <summary>One device's mappings, newest first; give exactly one of the uids.</summary>
    public static Task<JsonArray> HistoryAsync(GraphQLClient api, long? physicalUid, long? logicalUid, CancellationToken cancellationToken) =>
        Connections.AllAsync(api, "mappingHistory", MappingFields, "physicalUid: $p, logicalUid: $l", ", $p: Long, $l: Long",
            new() { ["p"] = physicalUid, ["l"] = logicalUid }, cancellationToken: cancellationToken);

    public static async Task<JsonNode?> StartAsync(GraphQLClient api, long physicalUid, long logicalUid, CancellationToken cancellationToken) =>
        (await api.SendAsync($"mutation($p: Long!, $l: Long!) {{ mapDevices(physicalUid: $p, logicalUid: $l) {{ {MappingFields} }} }}",
            new { p = physicalUid, l = logicalUid }, cancellationToken))["mapDevices"];

    /// <summary>The mapping that was ended, or null when the device had no open one.</summary>
    public static async Task<JsonNode?> EndAsync(GraphQLClient api, long? physicalUid, long? logicalUid, CancellationToken cancellationToken) =>
        (await api.SendAsync($"mutation($p: Long, $l: Long) {{ endMapping(physicalUid: $p, logicalUid: $l) {{ {MappingFields} }} }}",
            new { p = physicalUid, l = logicalUid }, cancellationToken))["endMapping"];
}
