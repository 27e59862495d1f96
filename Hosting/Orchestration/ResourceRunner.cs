namespace IoTStack.Hosting;

/// <summary>All replicas of one runnable resource, summarised as one snapshot.</summary>
internal sealed class ResourceRunner : IDisposable
{
    private readonly ReplicaRunner[] _replicas;
    private string? _waitingFor;

    public ResourceRunner(Resource resource, IResourceLauncher launcher, string stateDirectory, Action changed)
    {
        Resource = resource;
        _replicas = Enumerable.Range(0, resource.Replicas)
            .Select(i => resource.Replicas == 1 ? resource.Name : $"{resource.Name}-{i}")
            .Select((id, i) => new ReplicaRunner(id, i, launcher, Log, new ProcessRecord(Path.Combine(ProcessRecord.FolderOf(stateDirectory), id)), changed))
            .ToArray();
    }

    public Resource Resource { get; }

    public ResourceLog Log { get; } = new();

    public IReadOnlyList<ReplicaRunner> Replicas => _replicas;

    /// <summary>Set while the resource waits for a dependency to become healthy (shown as the reason).</summary>
    public string? WaitingFor
    {
        get => _waitingFor;
        set => _waitingFor = value;
    }

    public void Start()
    {
        foreach (var replica in _replicas)
        {
            replica.Start();
        }
    }

    public Task StopAsync() => Task.WhenAll(_replicas.Select(r => r.StopAsync()));

    public void Dispose()
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }
    }

    public ResourceSnapshot Snapshot()
    {
        var replicas = _replicas.Select(r => r.Snapshot).ToList();
        var states = replicas.Select(r => r.State).ToList();
        var state =
            states.Contains(ResourceState.NotAvailable) ? ResourceState.NotAvailable
            : states.Contains(ResourceState.Running) ? ResourceState.Running
            : states.Contains(ResourceState.Starting) ? ResourceState.Starting
            : states.Contains(ResourceState.FailedToStart) ? ResourceState.FailedToStart
            : ResourceState.Exited;
        var health =
            replicas.All(r => r.Health == ResourceHealth.Healthy) ? ResourceHealth.Healthy
            : replicas.Any(r => r.Health == ResourceHealth.Unhealthy) ? ResourceHealth.Unhealthy
            : ResourceHealth.Unknown;
        var reason = _replicas.Select(r => r.Reason).FirstOrDefault(r => r is not null)
            ?? (_waitingFor is null ? null : $"waiting for {_waitingFor} to be healthy");
        // Nothing listens on the endpoints of a resource that cannot run here.
        var endpoints = state == ResourceState.NotAvailable ? [] : EndpointUrls(Resource);
        return new ResourceSnapshot(Resource.Name, Resource.Kind, state, health, endpoints, reason, replicas);
    }

    public static IReadOnlyList<string> EndpointUrls(Resource resource) =>
        resource.Endpoints.Where(e => e.IsAllocated)
            .SelectMany(e => Enumerable.Range(0, resource.Replicas).Select(e.GetUrl))
            .ToList();
}
