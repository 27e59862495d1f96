using System.Text.Json.Nodes;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Queries;

/// <summary>
/// Every GraphQL operation 'raw' sends, in one place: <c>rawMessages</c> is a Relay connection.
/// </summary>
public static class RawMessageQueries
{
    private const string MessageFields = "correlationId receivedAt source physicalUid device topic contentType status reason payloadText payloadBase64";

    /// <summary>The message with this correlation id, or null when there is none.</summary>
    public static async Task<JsonNode?> FindAsync(GraphQLClient api, Guid correlationId, CancellationToken cancellationToken)
    {
        var messages = await Connections.AllAsync(api, "rawMessages", MessageFields, "correlationId: $c", ", $c: Guid",
            new() { ["c"] = correlationId }, atMost: 1, cancellationToken: cancellationToken);
        return messages is [var first, ..] ? first : null;
    }
}
