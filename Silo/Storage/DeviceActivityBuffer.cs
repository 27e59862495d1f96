using System.Collections.Concurrent;

namespace IoTStack.Silo.Storage;

/// <summary>Keeps the newest activity per device in memory until <see cref="DeviceActivityFlusher"/> drains it.</summary>
public sealed class DeviceActivityBuffer : IDeviceActivity
{
    private ConcurrentDictionary<long, DateTimeOffset> _physical = new();
    private ConcurrentDictionary<long, DateTimeOffset> _logical = new();
    private ConcurrentDictionary<long, UnmappedTraffic> _unmapped = new();

    public void PhysicalSeen(long physicalUid, DateTimeOffset at) => _physical.AddOrUpdate(physicalUid, at, (_, seen) => Max(seen, at));

    public void LogicalSeen(long logicalUid, DateTimeOffset at) => _logical.AddOrUpdate(logicalUid, at, (_, seen) => Max(seen, at));

    public void UnmappedMessage(long physicalUid, DateTimeOffset at, Guid correlationId) =>
        _unmapped.AddOrUpdate(
            physicalUid,
            new UnmappedTraffic(at, at, correlationId, 1),
            (_, traffic) => new UnmappedTraffic(
                traffic.FirstSeen < at ? traffic.FirstSeen : at,
                Max(traffic.LastSeen, at),
                at >= traffic.LastSeen ? correlationId : traffic.LastCorrelationId,
                traffic.Messages + 1));

    /// <summary>Takes everything recorded so far; what arrives meanwhile goes into fresh dictionaries.</summary>
    public DeviceActivitySnapshot Drain() => new(
        Interlocked.Exchange(ref _physical, new()),
        Interlocked.Exchange(ref _logical, new()),
        Interlocked.Exchange(ref _unmapped, new()));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

public sealed record UnmappedTraffic(DateTimeOffset FirstSeen, DateTimeOffset LastSeen, Guid LastCorrelationId, long Messages);

public sealed record DeviceActivitySnapshot(
    IReadOnlyDictionary<long, DateTimeOffset> Physical,
    IReadOnlyDictionary<long, DateTimeOffset> Logical,
    IReadOnlyDictionary<long, UnmappedTraffic> Unmapped)
{
    public bool IsEmpty => Physical.Count == 0 && Logical.Count == 0 && Unmapped.Count == 0;
}
