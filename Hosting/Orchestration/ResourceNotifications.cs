namespace IoTStack.Hosting;

/// <summary>The latest snapshot of every resource, and a way to wait for a state (Aspire's ResourceNotificationService).</summary>
public sealed class ResourceNotifications
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource _changed = NewSignal();

    public IReadOnlyList<ResourceSnapshot> GetAll()
    {
        lock (_gate)
        {
            return _order.Select(name => _snapshots[name]).ToList();
        }
    }

    public ResourceSnapshot Get(string name)
    {
        lock (_gate)
        {
            return _snapshots.TryGetValue(name, out var snapshot)
                ? snapshot
                : throw new KeyNotFoundException($"No resource named '{name}'.");
        }
    }

    public async Task<ResourceSnapshot> WaitForAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var snapshot = Get(name);
            if (predicate(snapshot))
            {
                return snapshot;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until every replica is healthy; throws when the resource cannot start at all.</summary>
    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, snapshot => snapshot.IsFinal
            ? throw new InvalidOperationException($"Resource '{name}' is {snapshot.State}: {snapshot.Reason}")
            : snapshot.Health == ResourceHealth.Healthy, cancellationToken);

    internal void Publish(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (!_snapshots.ContainsKey(snapshot.Name))
            {
                _order.Add(snapshot.Name);
            }

            _snapshots[snapshot.Name] = snapshot;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
