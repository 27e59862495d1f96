using System.Text.Json;

namespace IoTStack.Rules.Documents;

public static class RuleDocumentJson
{
    /// <summary>Upper bound on a stored document, so a single save cannot make every Ingest replica load megabytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses the document text, turning JSON errors into a <see cref="RuleDocumentException"/>.</summary>
    public static RuleDocument Parse(string json)
    {
        if (json.Length > MaxBytes)
        {
            throw new RuleDocumentException([new("document", $"larger than {MaxBytes} bytes")]);
        }

        try
        {
            return JsonSerializer.Deserialize<RuleDocument>(json, Options)
                ?? throw new RuleDocumentException([new("document", "expected an object with \"filters\" and \"rules\"")]);
        }
        catch (JsonException exception)
        {
            throw new RuleDocumentException([new($"document {exception.Path ?? "$"}", $"not a valid rule document ({exception.Message})")]);
        }
    }
}
