namespace IoTStack.Hosting;

/// <summary>One row of <c>GET /api/resources</c>.</summary>
internal sealed record ResourceView(
    string Name,
    string Kind,
    ResourceState State,
    ResourceHealth Health,
    IReadOnlyList<string> Endpoints,
    int? Pid,
    int Restarts,
    DateTimeOffset? StartedAt,
    double? UptimeSeconds,
    string? Reason,
    IReadOnlyList<ReplicaSnapshot> Replicas)
{
    public static ResourceView From(ResourceSnapshot s) =>
        new(s.Name, s.Kind, s.State, s.Health, s.Endpoints, s.ProcessId, s.Restarts, s.StartedAt, s.UptimeSeconds, s.Reason, s.Replicas);
}

/// <summary>A page of console lines and the number to ask from next time.</summary>
internal sealed record LogView(IReadOnlyList<LogLine> Lines, long Next)
{
    public static LogView From((IReadOnlyList<LogLine> Lines, long Next) page) => new(page.Lines, page.Next);
}
