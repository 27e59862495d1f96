using System.Collections.Concurrent;
using IoTStack.Contracts.Devices;
using IoTStack.Silo.Storage;

namespace IoTStack.Silo.Tests.Fakes;

/// <summary>
/// The registry and mapping history in memory, following the same rules as migration 0111, for tests that are about
/// grain logic only (the SQL itself is tested against PostgreSQL in <c>Postgres/</c>).
/// </summary>
public sealed class InMemoryDeviceStores : IDeviceRegistry, IMappingStore
{
    private readonly object _gate = new();
    private readonly List<DeviceMapping> _mappings = [];
    private readonly ConcurrentDictionary<long, bool> _physical = new();
    private readonly ConcurrentDictionary<long, bool> _logical = new();
    private DateTimeOffset _lastChange = DateTimeOffset.MinValue;

    public void AddPhysical(params long[] uids) => Array.ForEach(uids, uid => _physical[uid] = true);

    public void AddLogical(params long[] uids) => Array.ForEach(uids, uid => _logical[uid] = true);

    public Task<bool> PhysicalDeviceExistsAsync(long physicalUid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_physical.ContainsKey(physicalUid));

    public Task<IReadOnlyList<UnmappedDevice>> ListUnmappedAsync(string? source, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UnmappedDevice>>(_physical.Keys
                .Where(uid => !_mappings.Any(mapping => mapping.PhysicalUid == uid && mapping.IsOpen))
                .Select(uid => new UnmappedDevice(uid, "test", $"device {uid}", null, null, null, 0))
                .ToArray());
        }
    }

    public Task<IReadOnlyList<DeviceMapping>> GetPhysicalHistoryAsync(long physicalUid, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeviceMapping>>(Where(mapping => mapping.PhysicalUid == physicalUid));

    public Task<IReadOnlyList<DeviceMapping>> GetLogicalHistoryAsync(long logicalUid, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeviceMapping>>(Where(mapping => mapping.LogicalUid == logicalUid));

    public Task<MappingChange> MapAsync(long physicalUid, long logicalUid, CancellationToken cancellationToken = default)
    {
        if (!_physical.ContainsKey(physicalUid) || !_logical.ContainsKey(logicalUid))
        {
            throw new UnknownDeviceException($"physical {physicalUid} or logical {logicalUid} does not exist");
        }

        lock (_gate)
        {
            var now = Now();
            var ended = EndOpen(mapping => mapping.PhysicalUid == physicalUid || mapping.LogicalUid == logicalUid, now);
            var started = new DeviceMapping(physicalUid, logicalUid, now, null);
            _mappings.Add(started);
            return Task.FromResult(new MappingChange(started, ended.Select(mapping => mapping.PhysicalUid).Where(uid => uid != physicalUid).ToArray()));
        }
    }

    public Task<DeviceMapping?> EndAsync(long physicalUid, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(EndOpen(mapping => mapping.PhysicalUid == physicalUid, Now()).SingleOrDefault());
        }
    }

    private List<DeviceMapping> EndOpen(Func<DeviceMapping, bool> match, DateTimeOffset at)
    {
        var ended = new List<DeviceMapping>();
        for (var i = 0; i < _mappings.Count; i++)
        {
            if (_mappings[i].IsOpen && match(_mappings[i]))
            {
                _mappings[i] = _mappings[i] with { End = at };
                ended.Add(_mappings[i]);
            }
        }

        return ended;
    }

    // Strictly increasing, like distinct transactions' now(), so consecutive operations never share an instant.
    private DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        _lastChange = now > _lastChange ? now : _lastChange.AddTicks(10);
        return _lastChange;
    }

    private DeviceMapping[] Where(Func<DeviceMapping, bool> match)
    {
        lock (_gate)
        {
            return _mappings.Where(match).OrderBy(mapping => mapping.Start).ToArray();
        }
    }
}
