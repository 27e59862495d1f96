using System.Text.Json;

namespace IoTStack.Api.GraphQL.Mutations;

/// <summary>Properties and source ids are JSON objects; a malformed one is the caller's error, not the database's.</summary>
public static class JsonObjectText
{
    public static string? Check(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? text
                : throw ApiErrors.BadInput($"'{field}' must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ApiErrors.BadInput($"'{field}' is not valid JSON.");
        }
    }
}
