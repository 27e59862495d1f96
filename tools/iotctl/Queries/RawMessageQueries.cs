using System.Text.Json.Nodes;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Queries;

/// <summary>
/// Every GraphQL operation 'raw' sends, in one place: when <c>rawMessages</c> becomes a Relay connection only this
/// file changes.
/// </summary>
public static class RawMessageQueries
{
    private const string MessageFields = "correlationId receivedAt source physicalUid device topic contentType status reason payloadText payloadBase64";

    /// <summary>The message with this correlation id, or null when there is none.</summary>
    public static async Task<JsonNode?> FindAsync(GraphQLClient api, Guid correlationId, CancellationToken cancellationToken)
    {
        var data = await api.SendAsync($"query($c: Guid) {{ rawMessages(correlationId: $c) {{ {MessageFields} }} }}", new { c = correlationId }, cancellationToken);
        return data["rawMessages"]!.AsArray() is [var first, ..] ? first : null;
    }
}
