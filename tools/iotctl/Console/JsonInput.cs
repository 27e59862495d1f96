using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTStack.Cli.Console;

/// <summary>The JSON object given with --json, or read from --file (a path, or '-' for stdin).</summary>
public static class JsonInput
{
    public static JsonObject Read(string? json, string? file)
    {
        var (text, origin) = (json, file) switch
        {
            ({ } inline, null) => (inline, "--json"),
            (null, "-") => (System.Console.In.ReadToEnd(), "stdin"),
            (null, { } path) => (ReadFile(path), path),
            _ => throw new UsageException("Give --json or --file."),
        };

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new UsageException($"The JSON in {origin} must be an object.");
        }
        catch (JsonException exception)
        {
            throw new UsageException($"Invalid JSON in {origin}: {exception.Message}");
        }
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new UsageException($"Cannot read {path}: {exception.Message}");
        }
    }
}
