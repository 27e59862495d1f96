using System.Text.Json;
using System.Text.Json.Nodes;
using IoTStack.Rules.Documents;
using Microsoft.AspNetCore.Http;

namespace IoTStack.Rules.Http;

/// <summary>Body reading and the PATCH merge for <see cref="Microsoft.Extensions.Hosting.RuleDocumentEndpoints"/>.</summary>
public static class RuleDocumentPatch
{
    public const string Empty = """{"filters": [], "rules": []}""";

    /// <summary>The body as text, or null when it is too large or not a JSON object.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > RuleDocumentJson.MaxBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            return text.Length <= RuleDocumentJson.MaxBytes && JsonNode.Parse(text) is JsonObject ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Merge(string current, string patch)
    {
        var merged = JsonNode.Parse(current)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject())
        {
            merged[key] = value?.DeepClone();
        }

        return merged.ToJsonString();
    }
}
