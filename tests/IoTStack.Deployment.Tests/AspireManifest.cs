using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace IoTStack.Deployment.Tests;

/// <summary>The AppHost's Aspire manifest (<c>--publisher manifest</c>), written by the AppHost itself.</summary>
internal static class AspireManifest
{
    /// <summary>Resource name → resource type (e.g. "silo" → "project.v0").</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResourcesAsync()
    {
        var resources = await LoadResourcesAsync();
        return resources.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetProperty("type").GetString()!);
    }

    /// <summary>The environment variable names the AppHost gives one resource.</summary>
    public static async Task<IReadOnlyCollection<string>> EnvironmentOfAsync(string resourceName)
    {
        var resources = await LoadResourcesAsync();
        return [.. resources.GetProperty(resourceName).GetProperty("env").EnumerateObject().Select(e => e.Name)];
    }

    private static async Task<JsonElement> LoadResourcesAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"iotstack-manifest-{Guid.NewGuid():N}.json");
        try
        {
            var result = await Cli.Wrap("dotnet")
                .WithArguments(["run", "--no-build", "--project", Repository.PathOf("AppHost"), "--", "--publisher", "manifest", "--output-path", path])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            Assert.True(result.IsSuccess, result.StandardOutput + result.StandardError);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            return manifest.RootElement.GetProperty("resources").Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Bicep identifiers cannot hold dashes: "iot-cluster-cluster-id" → "iotClusterClusterId".</summary>
    public static string ToBicepName(string resourceName)
    {
        var words = resourceName.Split('-');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
