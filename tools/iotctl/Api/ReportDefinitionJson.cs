using System.Text.Json.Nodes;

namespace IoTStack.Cli.Api;

/// <summary>
/// A report definition as 'report create' takes it: the fields 'report ls' prints (so one can be copied and edited),
/// of which id, createdAt and lastRun are ignored. Checked here so a typo is bad usage, not an Api error.
/// </summary>
public static class ReportDefinitionJson
{
    private static readonly string[] Required = ["name", "logicalUids", "cron", "timeZone", "period"];
    private static readonly HashSet<string> ReadOnly = ["id", "createdAt", "lastRun"];

    public static JsonObject ToInput(JsonObject definition)
    {
        if (definition.Select(field => field.Key).FirstOrDefault(key => !Required.Contains(key) && !ReadOnly.Contains(key)) is { } unknown)
        {
            throw new UsageException($"Unknown report field '{unknown}'. Known: {string.Join(", ", Required)}.");
        }

        if (Required.Where(key => definition[key] is null).ToList() is { Count: > 0 } missing)
        {
            throw new UsageException($"A report definition needs {string.Join(", ", Required)}; missing: {string.Join(", ", missing)}.");
        }

        return new JsonObject(Required.Select(key => KeyValuePair.Create<string, JsonNode?>(key, definition[key]!.DeepClone())));
    }
}
