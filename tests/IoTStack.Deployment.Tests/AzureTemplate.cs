using System.Text.Json;

namespace IoTStack.Deployment.Tests;

/// <summary>infra/main.bicep compiled to an ARM template: its parameters, outputs and nested deployments.</summary>
internal sealed class AzureTemplate(JsonElement root)
{
    public static async Task<AzureTemplate> BuildAsync()
    {
        var result = await BicepCli.RunAsync("build", Repository.PathOf("infra", "main.bicep"), "--stdout");
        Assert.Equal(0, result.ExitCode);
        return new AzureTemplate(JsonDocument.Parse(result.StandardOutput).RootElement.Clone());
    }

    public IReadOnlyCollection<string> Parameters => Names(root, "parameters");

    public IReadOnlyCollection<string> Outputs => Names(root, "outputs");

    /// <summary>Names of every Microsoft.Resources/deployments (Bicep module), at any depth.</summary>
    public IReadOnlyCollection<string> Deployments => [.. DeploymentsIn(root)];

    private static string[] Names(JsonElement element, string section) =>
        element.TryGetProperty(section, out var items) ? [.. items.EnumerateObject().Select(p => p.Name)] : [];

    private static IEnumerable<string> DeploymentsIn(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        var list = resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(p => p.Value) : resources.EnumerateArray();
        foreach (var resource in list.Where(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments"))
        {
            yield return resource.GetProperty("name").GetString()!;
            foreach (var nested in DeploymentsIn(resource.GetProperty("properties").GetProperty("template")))
            {
                yield return nested;
            }
        }
    }
}
