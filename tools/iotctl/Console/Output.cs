using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTStack.Cli.Console;

/// <summary>One JSON document on stdout, indented when a person is reading; or, with --plain, one line per item.</summary>
public static class Output
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Pretty = new(Compact) { WriteIndented = true };

    public static int Json(JsonNode? document)
    {
        System.Console.Out.WriteLine(document?.ToJsonString(System.Console.IsOutputRedirected ? Compact : Pretty) ?? "null");
        return IotctlApp.Ok;
    }

    public static int Items(JsonArray items, bool plain, Func<JsonNode, string> line)
    {
        if (!plain)
        {
            return Json(items);
        }

        foreach (var item in items)
        {
            System.Console.Out.WriteLine(line(item!));
        }

        return IotctlApp.Ok;
    }

    /// <summary>A downloaded file, unchanged: to stdout when <paramref name="path"/> is null or '-', else to that file.</summary>
    public static int Bytes(byte[] content, string? path)
    {
        if (path is null or "-")
        {
            using var stdout = System.Console.OpenStandardOutput();
            stdout.Write(content);
            return IotctlApp.Ok;
        }

        try
        {
            File.WriteAllBytes(path, content);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write {path}: {exception.Message}");
        }

        System.Console.Error.WriteLine($"Wrote {content.Length} bytes to {path}.");
        return IotctlApp.Ok;
    }
}
