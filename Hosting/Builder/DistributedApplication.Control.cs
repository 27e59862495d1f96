namespace IoTStack.Hosting;

/// <summary>Stopping, starting and killing resources or single replicas while the application runs (tests use this).</summary>
public sealed partial class DistributedApplication
{
    /// <summary>The process id of each replica (null while a replica has no process).</summary>
    public IReadOnlyList<int?> GetReplicaProcessIds(string name) =>
        Orchestrator.GetRunner(name).Replicas.Select(r => r.Snapshot.ProcessId).ToList();

    /// <summary>Stops every replica politely (no restart) and waits until they are gone.</summary>
    public Task StopResourceAsync(string name) => Orchestrator.GetRunner(name).StopAsync();

    /// <summary>Starts every stopped replica again, on the same ports as before.</summary>
    public void StartResource(string name) => Orchestrator.GetRunner(name).Start();

    public async Task RestartResourceAsync(string name)
    {
        await StopResourceAsync(name);
        StartResource(name);
    }

    public Task StopReplicaAsync(string name, int replica) => Orchestrator.GetRunner(name).Replicas[replica].StopAsync();

    public void StartReplica(string name, int replica) => Orchestrator.GetRunner(name).Replicas[replica].Start();

    /// <summary>SIGKILL one replica's process tree, as a crash would; the AppHost restarts it with backoff unless told not to.</summary>
    public void KillReplica(string name, int replica = 0, bool restart = true) => Orchestrator.GetRunner(name).Replicas[replica].Kill(restart);

    /// <summary>The recent console output of a resource.</summary>
    public IReadOnlyList<LogLine> GetLogs(string name) =>
        Orchestrator.GetLog(name)?.Read(0).Lines ?? throw new KeyNotFoundException($"No resource named '{name}'.");

    /// <summary>Builds the application that an AppHost's entry point declares, without running it (for tests).</summary>
    public static DistributedApplication BuildFromEntryPoint(System.Reflection.Assembly appHost, string[] args) =>
        ApplicationCapture.BuildFromEntryPoint(appHost, args);
}
