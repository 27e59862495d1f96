using YamlDotNet.RepresentationModel;

namespace IoTStack.Deployment.Tests;

/// <summary>
/// deploy/kubernetes as <c>kubectl apply -k</c> reads it: the kustomization's resource files, every YAML document
/// in them, and the image names it declares. Read with YamlDotNet's node model; no cluster needed.
/// </summary>
internal sealed class KubernetesManifests
{
    public static readonly string Folder = Repository.PathOf("deploy", "kubernetes");

    private KubernetesManifests(YamlMappingNode kustomization, IReadOnlyList<YamlMappingNode> objects)
    {
        Kustomization = kustomization;
        Objects = objects;
    }

    public YamlMappingNode Kustomization { get; }

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    public IReadOnlyList<string> ResourceFiles => [.. Sequence(Kustomization, "resources").Select(Scalar)];

    public IReadOnlyList<string> DeclaredImages => [.. Sequence(Kustomization, "images").Select(i => Text(i, "name"))];

    public static KubernetesManifests Load()
    {
        var kustomization = (YamlMappingNode)LoadFile(Path.Combine(Folder, "kustomization.yaml")).Single();
        var manifests = new KubernetesManifests(kustomization, []);
        var objects = manifests.ResourceFiles.SelectMany(file => LoadFile(Path.Combine(Folder, file))).Cast<YamlMappingNode>().ToList();
        return new KubernetesManifests(kustomization, objects);
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => Text(o, "kind") == kind);

    public YamlMappingNode Named(string kind, string name) => OfKind(kind).Single(o => NameOf(o) == name);

    public static string NameOf(YamlMappingNode manifest) => Text(Child(manifest, "metadata"), "name");

    public static string Text(YamlNode node, string key) => Scalar(Child(node, key));

    public static YamlNode Child(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new KeyNotFoundException($"'{key}' missing at {node.Start}.");

    public static bool Has(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.ContainsKey(new YamlScalarNode(key));

    public static IEnumerable<YamlNode> Sequence(YamlNode node, string key) =>
        Has(node, key) ? (YamlSequenceNode)Child(node, key) : [];

    /// <summary>Every mapping node at any depth (to find references wherever they are).</summary>
    public static IEnumerable<YamlMappingNode> Descendants(YamlNode node) => node switch
    {
        YamlMappingNode mapping => [mapping, .. mapping.Children.Values.SelectMany(Descendants)],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Descendants),
        _ => [],
    };

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static IEnumerable<YamlNode> LoadFile(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode);
    }
}
