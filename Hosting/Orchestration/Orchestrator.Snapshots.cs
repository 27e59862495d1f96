using Microsoft.Extensions.Logging;

namespace IoTStack.Hosting;

/// <summary>Publishes every visible resource's snapshot (a database mirrors its server) and logs state changes.</summary>
internal sealed partial class Orchestrator
{
    private void PublishAll()
    {
        lock (_lastStates)
        {
            foreach (var resource in _resources.Where(r => r.IsVisible))
            {
                var snapshot = Snapshot(resource);
                _notifications.Publish(snapshot);
                if (!_lastStates.TryGetValue(resource.Name, out var last) || last != snapshot.State)
                {
                    _lastStates[resource.Name] = snapshot.State;
                    _logger.LogInformation("{Resource}: {State}{Reason}", resource.Name, snapshot.State, snapshot.Reason is null ? "" : $" ({snapshot.Reason})");
                }
            }
        }
    }

    private ResourceSnapshot Snapshot(Resource resource) => _runners.TryGetValue(resource.Name, out var runner)
        ? runner.Snapshot()
        : resource.Parent is { } parent && _runners.TryGetValue(parent.Name, out var parentRunner)
            ? parentRunner.Snapshot() with { Name = resource.Name, Kind = resource.Kind, Endpoints = [] }
            : new ResourceSnapshot(resource.Name, resource.Kind, ResourceState.Running, ResourceHealth.Healthy, [], null, []);
}
