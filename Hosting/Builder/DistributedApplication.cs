using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace IoTStack.Hosting;

/// <summary>The built topology: runs it (dashboard + resources) or writes its manifest.</summary>
public sealed partial class DistributedApplication : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private Orchestrator? _orchestrator;
    private DashboardServer? _dashboard;
    private StateFolderLock? _stateLock;

    internal DistributedApplication(IReadOnlyList<Resource> resources, HostingOptions options)
    {
        Resources = resources;
        Options = options;
        _loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; }));
        _logger = _loggerFactory.CreateLogger("IoTStack.AppHost");
    }

    public IReadOnlyList<Resource> Resources { get; }

    public HostingOptions Options { get; }

    public ResourceNotifications ResourceNotifications { get; } = new();

    /// <summary>The dashboard's address once started.</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    internal Orchestrator Orchestrator => _orchestrator ?? throw new InvalidOperationException("The application has not been started.");

    /// <summary>
    /// Aspire's entry point: the AppHost's assembly is whoever calls this, which is how we find its project folder.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static DistributedApplicationBuilder CreateBuilder(string[] args) =>
        new(args, AppHostDirectory.Of(Assembly.GetCallingAssembly()));

    public Resource GetResource(string name) =>
        Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No resource named '{name}'.");

    /// <summary>
    /// Takes the state folder (ending what a crashed AppHost left running in it), checks the fixed ports, starts the
    /// dashboard, then the resources, each once what it waits for is healthy.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _stateLock = StateFolderLock.Acquire(Options.StateDirectory);
        await ProcessRecord.EndAllStaleAsync(Options.StateDirectory);
        try
        {
            PortAvailability.EnsureFree(FixedPorts());
        }
        catch (PortInUseException)
        {
            _stateLock.Dispose();
            throw;
        }

        var context = new LaunchContext(Options, new ContainerRuntime(), _http);
        _orchestrator = new Orchestrator(Resources, context, ResourceNotifications, _logger);
        _dashboard = new DashboardServer(ResourceNotifications, name => _orchestrator.GetLog(name));
        await _dashboard.StartAsync(Options.DashboardPort, cancellationToken);
        _logger.LogInformation("Dashboard: {Url}  (state folder: {State})", _dashboard.Url, Options.StateDirectory);
        _orchestrator.Start();
        _ = ReportWhenHealthyAsync(Stopwatch.StartNew(), cancellationToken);
    }

    /// <summary>Stops every resource (dependants first) and the dashboard.</summary>
    public async Task StopAsync()
    {
        if (_orchestrator is not null)
        {
            await _orchestrator.StopAsync();
        }

        _orchestrator?.Dispose();
        _orchestrator = null;
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
            _dashboard = null;
        }

        _stateLock?.Dispose();
        _stateLock = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _loggerFactory.Dispose();
    }

    private IEnumerable<(int Port, string Owner, string OverrideHint)> FixedPorts()
    {
        if (Options.DashboardPort != 0)
        {
            yield return (Options.DashboardPort, "dashboard", "--Dashboard:Port");
        }

        foreach (var resource in Resources)
        {
            foreach (var endpoint in resource.Endpoints.Where(e => e.IsFixed))
            {
                yield return (endpoint.GetPort(), $"{resource.Name} {endpoint.Name}", $"--Ports:{resource.Name}:{endpoint.Name}");
            }
        }
    }
}
