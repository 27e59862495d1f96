using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace IoTStack.Deployment.Tests;

/// <summary>A project's evaluated MSBuild properties and items, read with <c>dotnet msbuild -getProperty/-getItem</c>.</summary>
internal sealed class MsBuildEvaluation(JsonElement root)
{
    public static async Task<MsBuildEvaluation> EvaluateAsync(string project, IEnumerable<string> properties, IEnumerable<string> items)
    {
        var arguments = new List<string> { "msbuild", project };
        arguments.AddRange(properties.Select(p => $"-getProperty:{p}"));
        arguments.AddRange(items.Select(i => $"-getItem:{i}"));
        var result = await Cli.Wrap("dotnet").WithArguments(arguments).ExecuteBufferedAsync();
        return new MsBuildEvaluation(JsonDocument.Parse(result.StandardOutput).RootElement.Clone());
    }

    public string Property(string name) => root.GetProperty("Properties").GetProperty(name).GetString() ?? "";

    /// <summary>Item identities with one metadata value each, e.g. ContainerPort → (8080, tcp).</summary>
    public IReadOnlyList<(string Identity, string Metadata)> Items(string itemType, string metadata) =>
        root.GetProperty("Items").TryGetProperty(itemType, out var items)
            ? [.. items.EnumerateArray().Select(i => (i.GetProperty("Identity").GetString()!, i.TryGetProperty(metadata, out var m) ? m.GetString()! : ""))]
            : [];
}
