using YamlDotNet.RepresentationModel;
using static IoTStack.Deployment.Tests.KubernetesManifests;

namespace IoTStack.Deployment.Tests;

/// <summary>deploy/kubernetes parses and is self-contained: what it references, it defines.</summary>
public sealed class KubernetesManifestTests
{
    private readonly KubernetesManifests _manifests = Load();

    private IEnumerable<YamlMappingNode> Workloads => _manifests.OfKind("Deployment").Concat(_manifests.OfKind("StatefulSet"));

    private IEnumerable<YamlNode> Containers => Workloads.SelectMany(w => Sequence(PodSpec(w), "containers"));

    [Fact]
    public void Every_listed_file_parses_into_named_kubernetes_objects()
    {
        Assert.All(_manifests.ResourceFiles, file => Assert.True(File.Exists(Path.Combine(Folder, file)), file));
        Assert.All(_manifests.Objects, o =>
        {
            Assert.NotEmpty(Text(o, "apiVersion"));
            Assert.NotEmpty(Text(o, "kind"));
            Assert.NotEmpty(NameOf(o));
        });
    }

    [Fact]
    public void Containers_run_only_images_the_kustomization_declares_and_it_declares_none_unused()
    {
        var used = Containers.Select(c => Text(c, "image")).ToHashSet();

        Assert.Equal(_manifests.DeclaredImages.Order(), used.Order());
    }

    [Fact]
    public void Secret_references_name_a_defined_secret_and_one_of_its_keys()
    {
        var secrets = _manifests.OfKind("Secret").ToDictionary(NameOf, s => KeysOf(s, "stringData"));
        var references = _manifests.Objects.SelectMany(Descendants).ToList();

        Assert.Contains(references, r => Has(r, "secretKeyRef"));
        Assert.All(references.Where(r => Has(r, "secretKeyRef")).Select(r => Child(r, "secretKeyRef")), reference =>
            Assert.Contains(Text(reference, "key"), secrets[Text(reference, "name")]));
        Assert.All(references.Where(r => Has(r, "secretRef")), r => Assert.Contains(Text(Child(r, "secretRef"), "name"), secrets.Keys));
    }

    [Fact]
    public void Config_map_references_name_a_defined_config_map()
    {
        var configMaps = _manifests.OfKind("ConfigMap").ToDictionary(NameOf, c => KeysOf(c, "data"));
        var references = _manifests.Objects.SelectMany(Descendants).ToList();

        Assert.All(references.Where(r => Has(r, "configMapRef")), r => Assert.Contains(Text(Child(r, "configMapRef"), "name"), configMaps.Keys));
        Assert.All(references.Where(r => Has(r, "configMapKeyRef")).Select(r => Child(r, "configMapKeyRef")), reference =>
            Assert.Contains(Text(reference, "key"), configMaps[Text(reference, "name")]));
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("api")]
    [InlineData("ingest")]
    public void Services_are_probed_on_health_for_readiness_and_alive_for_liveness(string service)
    {
        var container = Sequence(PodSpec(_manifests.Named("Deployment", service)), "containers").Single();

        Assert.Equal("/health", Text(Child(Child(container, "readinessProbe"), "httpGet"), "path"));
        Assert.Equal("/alive", Text(Child(Child(container, "livenessProbe"), "httpGet"), "path"));
    }

    [Fact]
    public void Every_container_requests_cpu_and_memory()
    {
        Assert.All(Containers, container =>
        {
            var requests = Child(Child(container, "resources"), "requests");
            Assert.NotEmpty(Text(requests, "cpu"));
            Assert.NotEmpty(Text(requests, "memory"));
        });
    }

    [Fact]
    public void Silos_run_several_replicas_under_a_disruption_budget_that_selects_them()
    {
        var silo = _manifests.Named("Deployment", "silo");
        var budget = _manifests.Named("PodDisruptionBudget", "silo");

        Assert.True(int.Parse(Text(Child(silo, "spec"), "replicas"), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Assert.True(Selects(Child(Child(budget, "spec"), "selector"), silo));
    }

    [Fact]
    public void Every_service_selects_pods_of_some_workload()
    {
        Assert.All(_manifests.OfKind("Service"), service =>
            Assert.Contains(Workloads, workload => Selects(Child(service, "spec"), workload)));
    }

    [Fact]
    public async Task Silos_get_every_orleans_setting_the_apphost_injects()
    {
        var expected = (await AspireManifest.EnvironmentOfAsync("silo")).Where(name => name.StartsWith("Orleans__", StringComparison.Ordinal));
        var container = Sequence(PodSpec(_manifests.Named("Deployment", "silo")), "containers").Single();
        var configured = Sequence(container, "env").Select(e => Text(e, "name"))
            .Concat(Sequence(container, "envFrom").SelectMany(e => KeysOf(_manifests.Named("ConfigMap", Text(Child(e, "configMapRef"), "name")), "data")))
            .ToHashSet();

        Assert.All(expected, name => Assert.Contains(name, configured));
    }

    private static YamlNode PodSpec(YamlMappingNode workload) => Child(Child(Child(workload, "spec"), "template"), "spec");

    private static HashSet<string> KeysOf(YamlMappingNode manifest, string section) =>
        [.. ((YamlMappingNode)Child(manifest, section)).Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!)];

    /// <summary>Whether a selector (matchLabels, or a Service's plain selector) picks the workload's pod labels.</summary>
    private static bool Selects(YamlNode selectorOwner, YamlMappingNode workload)
    {
        var selector = (YamlMappingNode)(Has(selectorOwner, "matchLabels") ? Child(selectorOwner, "matchLabels") : Child(selectorOwner, "selector"));
        var labels = (YamlMappingNode)Child(Child(Child(Child(workload, "spec"), "template"), "metadata"), "labels");
        return selector.Children.All(pair => labels.Children.TryGetValue(pair.Key, out var value) && value.Equals(pair.Value));
    }
}
