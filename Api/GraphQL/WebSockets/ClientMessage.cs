using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace IoTStack.Api.GraphQL.WebSockets;

/// <summary>A message from a <c>graphql-transport-ws</c> client: its type, operation id and payload.</summary>
public readonly record struct ClientMessage(string Type, string? Id, JsonElement? Payload)
{
    private static readonly string[] CredentialKeys = ["authorization", "Authorization", "token", "apiKey"];

    /// <summary>False when the text is not a JSON object with a string <c>type</c>: the protocol's "invalid message".</summary>
    public static bool TryParse(string text, out ClientMessage message)
    {
        message = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            message = new ClientMessage(type.GetString()!, id, root.TryGetProperty("payload", out var payload) ? payload.Clone() : null);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The GraphQL request of a <c>subscribe</c> payload; false when it has none.</summary>
    public static bool TryReadRequest(JsonElement payload, IGraphQLTextSerializer serializer, out GraphQLRequest? request)
    {
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (JsonException)
        {
            request = null;
        }

        return request?.Query is not null;
    }

    /// <summary>The credential a <c>connection_init</c> payload carries, as an Authorization header value; null for none.</summary>
    public string? Credential()
    {
        if (Payload is not { ValueKind: JsonValueKind.Object } values)
        {
            return null;
        }

        foreach (var key in CredentialKeys)
        {
            if (values.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } credential)
            {
                return key == "apiKey" ? "ApiKey " + credential : credential;
            }
        }

        return null;
    }
}
