using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace IoTStack.Grafana.Tests;

/// <summary>The repository's Grafana folder, as Grafana's file provisioning reads it.</summary>
public static class GrafanaProvisioning
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Grafana");

    public static IReadOnlyList<YamlMappingNode> Datasources() =>
        Directory.GetFiles(Path.Combine(Root, "provisioning", "datasources"), "*.yaml")
            .SelectMany(file => ((YamlSequenceNode)Load(file)["datasources"]).Children.Cast<YamlMappingNode>())
            .ToList();

    public static IReadOnlyList<YamlMappingNode> DashboardProviders() =>
        Directory.GetFiles(Path.Combine(Root, "provisioning", "dashboards"), "*.yaml")
            .SelectMany(file => ((YamlSequenceNode)Load(file)["providers"]).Children.Cast<YamlMappingNode>())
            .ToList();

    public static IReadOnlyList<Dashboard> Dashboards() =>
        Directory.GetFiles(Path.Combine(Root, "dashboards"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => new Dashboard(Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!.AsObject()))
            .ToList();

    private static YamlMappingNode Load(string file)
    {
        using var reader = new StreamReader(file);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
