using Microsoft.Extensions.Logging;

namespace IoTStack.Hosting;

/// <summary>
/// Starts every runnable resource once the resources it waits for are healthy, publishes their snapshots, and stops
/// them dependants-first so services never lose their database or broker while still running.
/// </summary>
internal sealed partial class Orchestrator : IDisposable
{
    private readonly IReadOnlyList<Resource> _resources;
    private readonly ResourceNotifications _notifications;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ResourceRunner> _runners = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Dictionary<string, ResourceState> _lastStates = [];
    private readonly Lock _startGate = new();
    private bool _stopping;

    public Orchestrator(IReadOnlyList<Resource> resources, LaunchContext context, ResourceNotifications notifications, ILogger logger)
    {
        _resources = resources;
        _notifications = notifications;
        _logger = logger;
        foreach (var resource in resources.OfType<IRunnableResource>().Cast<Resource>())
        {
            _runners[resource.Name] = new ResourceRunner(resource, ((IRunnableResource)resource).CreateLauncher(context), context.Options.StateDirectory, PublishAll);
        }

        PublishAll();
    }

    public ResourceRunner GetRunner(string name) => _runners.TryGetValue(name, out var runner)
        ? runner
        : throw new KeyNotFoundException($"No runnable resource named '{name}'.");

    public ResourceLog? GetLog(string name) =>
        _runners.TryGetValue(name, out var runner) ? runner.Log
        : _resources.FirstOrDefault(r => r.Name == name)?.Parent is { } parent ? GetLog(parent.Name)
        : null;

    public void Start()
    {
        foreach (var runner in _runners.Values)
        {
            _ = StartWhenDependenciesHealthyAsync(runner, _shutdown.Token);
        }
    }

    public void Dispose()
    {
        _shutdown.Dispose();
        foreach (var runner in _runners.Values)
        {
            runner.Dispose();
        }
    }

    private async Task StartWhenDependenciesHealthyAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var dependency in runner.Resource.WaitsFor)
            {
                runner.WaitingFor = dependency.Name;
                PublishAll();
                await _notifications.WaitForAsync(dependency.Name, s => s.Health == ResourceHealth.Healthy, cancellationToken);
            }

            runner.WaitingFor = null;
            lock (_startGate)
            {
                // The last dependency may turn healthy just as a failed start-up is being stopped; a runner started
                // after StopAsync passed it would never be stopped, and its processes would outlive the application.
                if (!_stopping)
                {
                    runner.Start();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shut down before the dependencies were ready.
        }
    }
}
