using System.Text.Json;

namespace IoTStack.Hosting;

/// <summary>
/// Writes the Aspire deployment manifest (<c>--publisher manifest --output-path x</c>): project.v0 for services,
/// container.v0 for servers, value.v0 for databases, parameter.v0 for generated secrets.
/// </summary>
public static class ManifestPublisher
{
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    /// <summary>As Aspire: a path ending in .json is the file, anything else is a folder for aspire-manifest.json.</summary>
    public static string ResolvePath(string? outputPath)
    {
        var path = Path.GetFullPath(outputPath ?? "aspire-manifest.json");
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? path : Path.Combine(path, "aspire-manifest.json");
    }

    public static async Task WriteAsync(IEnumerable<Resource> resources, string path, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Write(resources, writer, Path.GetDirectoryName(path)!);
        await writer.FlushAsync(cancellationToken);
    }

    public static void Write(IEnumerable<Resource> resources, Utf8JsonWriter writer, string manifestDirectory)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUrl);
        writer.WriteStartObject("resources");
        foreach (var resource in resources)
        {
            if (resource is OrleansService or PostgresLoginResource)
            {
                // No entry of their own (as Aspire's Orleans service): they only shape other resources' env; the
                // login's password is a parameter entry.
                continue;
            }

            writer.WriteStartObject(resource.Name);
            ManifestResourceWriter.Write(resource, writer, manifestDirectory);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
