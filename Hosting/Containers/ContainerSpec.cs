namespace IoTStack.Hosting;

/// <summary>How a server runs from its standard image: for container mode and for the manifest's container.v0.</summary>
public sealed class ContainerSpec(string image)
{
    public string Image { get; } = image;

    public IDictionary<string, IValueProvider> Environment { get; } = new SortedDictionary<string, IValueProvider>(StringComparer.Ordinal);

    public IList<string> Arguments { get; } = [];

    public IList<ContainerVolume> Volumes { get; } = [];

    public IList<ContainerBindMount> BindMounts { get; } = [];
}

/// <summary>A named volume; in local container mode it is a folder under the resource's state folder.</summary>
public sealed record ContainerVolume(string Name, string Target, bool ReadOnly = false);

public sealed record ContainerBindMount(string Source, string Target, bool ReadOnly = true);

/// <summary>A resource that can be described as a container image.</summary>
public interface IContainerResource
{
    ContainerSpec GetContainerSpec();
}
