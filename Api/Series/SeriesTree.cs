namespace IoTStack.Api.Series;

/// <summary>
/// A node of a device's series tree (the TUM device model): <c>wheels/front/left/pressure</c> becomes
/// wheels → front → left → pressure. <see cref="Path"/> is the full name up to this node; a node that is itself a
/// series has <see cref="IsSeries"/> set (a name may be both a series and a prefix of others).
/// </summary>
public sealed record SeriesTreeNode(string Name, string Path, bool IsSeries, IReadOnlyList<SeriesTreeNode> Children);

public static class SeriesTree
{
    public const char Separator = '/';

    /// <summary>Builds the forest of the given names, children sorted by name.</summary>
    public static IReadOnlyList<SeriesTreeNode> Build(IEnumerable<string> names)
    {
        var root = new Builder("", "");
        foreach (var name in names)
        {
            var node = root;
            var path = "";
            foreach (var segment in name.Split(Separator))
            {
                path = path.Length == 0 ? segment : path + Separator + segment;
                node = node.Child(segment, path);
            }

            node.IsSeries = true;
        }

        return root.ToNode().Children;
    }

    private sealed class Builder(string name, string path)
    {
        private readonly SortedDictionary<string, Builder> children = new(StringComparer.Ordinal);

        public bool IsSeries { get; set; }

        public Builder Child(string segment, string childPath)
        {
            if (!children.TryGetValue(segment, out var child))
            {
                child = new Builder(segment, childPath);
                children.Add(segment, child);
            }

            return child;
        }

        public SeriesTreeNode ToNode() => new(name, path, IsSeries, [.. children.Values.Select(child => child.ToNode())]);
    }
}
