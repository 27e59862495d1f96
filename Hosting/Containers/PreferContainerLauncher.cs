namespace IoTStack.Hosting;

/// <summary>
/// Container mode as asked for (<c>--IoTStack:Containers=true</c>) when a container engine answers; otherwise the
/// local server from the OS packages, with a console line saying so, rather than a stack that cannot start.
/// </summary>
internal sealed class PreferContainerLauncher(IResourceLauncher container, IResourceLauncher local, LaunchContext context) : IResourceLauncher
{
    private IResourceLauncher? _chosen;

    public async Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        _chosen ??= await context.ContainerRuntime.GetAsync() is null ? local : container;
        var spec = await _chosen.PrepareAsync(replica, cancellationToken);
        return _chosen == local
            ? spec with { Notice = "container mode was asked for, but no docker or podman engine answers: running the local server instead" }
            : spec;
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) =>
        (_chosen ?? local).CheckHealthAsync(replica, cancellationToken);
}
