namespace IoTStack.Hosting;

/// <summary>One replica of a resource at one moment.</summary>
public sealed record ReplicaSnapshot(
    string Id, int? ProcessId, ResourceState State, ResourceHealth Health, int Restarts, DateTimeOffset? StartedAt, int? ExitCode);

/// <summary>A resource at one moment: what the dashboard lists and what tests wait on.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    ResourceHealth Health,
    IReadOnlyList<string> Endpoints,
    string? Reason,
    IReadOnlyList<ReplicaSnapshot> Replicas)
{
    public int? ProcessId => Replicas.FirstOrDefault(r => r.ProcessId is not null)?.ProcessId;

    public int Restarts => Replicas.Sum(r => r.Restarts);

    public DateTimeOffset? StartedAt => Replicas.Min(r => r.StartedAt);

    public double? UptimeSeconds => State == ResourceState.Running && StartedAt is { } started
        ? Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 1)
        : null;

    public bool IsFinal => State is ResourceState.FailedToStart or ResourceState.NotAvailable;
}
