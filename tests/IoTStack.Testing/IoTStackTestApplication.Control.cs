namespace IoTStack.Testing;

/// <summary>Failure injection for tests: kill a replica, stop and start a resource (e.g. RabbitMQ under load).</summary>
public sealed partial class IoTStackTestApplication
{
    /// <summary>The process id of each replica, e.g. the two silos of <c>SiloReplicas = 2</c>.</summary>
    public IReadOnlyList<int?> GetReplicaProcessIds(string resourceName) => Application.GetReplicaProcessIds(resourceName);

    /// <summary>
    /// SIGKILL one replica (its whole process tree). The AppHost restarts it with backoff, or with
    /// <paramref name="restart"/> false leaves it down until <see cref="StartReplicaAsync"/>.
    /// </summary>
    public void KillReplica(string resourceName, int replica = 0, bool restart = true) => Application.KillReplica(resourceName, replica, restart);

    /// <summary>Stops a resource politely and waits until its processes are gone; it stays stopped.</summary>
    public Task StopResourceAsync(string resourceName) => Application.StopResourceAsync(resourceName);

    /// <summary>Starts a stopped resource on the same ports and waits until it is healthy again.</summary>
    public async Task StartResourceAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        Application.StartResource(resourceName);
        await WaitForResourceHealthyAsync(resourceName, cancellationToken);
    }

    public async Task RestartResourceAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        await StopResourceAsync(resourceName);
        await StartResourceAsync(resourceName, cancellationToken);
    }

    public Task StopReplicaAsync(string resourceName, int replica) => Application.StopReplicaAsync(resourceName, replica);

    public async Task StartReplicaAsync(string resourceName, int replica, CancellationToken cancellationToken = default)
    {
        Application.StartReplica(resourceName, replica);
        await WaitForResourceHealthyAsync(resourceName, cancellationToken);
    }
}
