using System.Reflection;
using IoTStack.Hosting;

namespace IoTStack.Testing;

/// <summary>
/// The whole IoTStack topology, declared by the AppHost's own Program.cs, started on free ports with a throwaway
/// state folder. Hands out clients, endpoints and connection strings; disposing it stops every process it started.
/// </summary>
public sealed partial class IoTStackTestApplication : IAsyncDisposable
{
    private const string AppHostAssembly = "IoTStack.AppHost";
    private readonly IoTStackTestOptions _options;
    private readonly string _stateDirectory;

    private IoTStackTestApplication(DistributedApplication application, IoTStackTestOptions options, string stateDirectory)
    {
        Application = application;
        _options = options;
        _stateDirectory = stateDirectory;
    }

    public DistributedApplication Application { get; }

    public Uri DashboardUrl => Application.DashboardUrl ?? throw new InvalidOperationException("The dashboard is not running.");

    /// <summary>Starts the stack and returns once every resource that can run here is healthy.</summary>
    public static async Task<IoTStackTestApplication> StartAsync(IoTStackTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new IoTStackTestOptions();
        var stateDirectory = Path.Combine(Path.GetTempPath(), $"iotstack-test-{Guid.NewGuid():N}");
        var application = DistributedApplication.BuildFromEntryPoint(Assembly.Load(AppHostAssembly), options.ToArguments(stateDirectory));
        var stack = new IoTStackTestApplication(application, options, stateDirectory);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            await application.StartAsync(timeout.Token);
            await application.WaitForAllHealthyAsync(timeout.Token);
            return stack;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var report = string.Join(Environment.NewLine, application.ResourceNotifications.GetAll()
                .Select(r => $"  {r.Name}: {r.State}/{r.Health} {r.Reason}"));
            var timeout = new TimeoutException($"The stack was not healthy within {options.StartTimeout}:{Environment.NewLine}{report}");
            await stack.StopAfterFailedStartAsync(timeout);
            throw timeout;
        }
        catch (Exception e)
        {
            await stack.StopAfterFailedStartAsync(e);
            throw;
        }
    }

    /// <summary>
    /// Nobody else can stop a stack whose start failed (a fixture's InitializeAsync threw, so xunit holds no stack to
    /// dispose): stop everything it started here, and report a failure to stop together with why the start failed.
    /// </summary>
    private async Task StopAfterFailedStartAsync(Exception startFailure)
    {
        try
        {
            await DisposeAsync();
        }
        catch (Exception stopFailure)
        {
            throw new AggregateException("The stack did not start, and stopping what it had started failed too.", startFailure, stopFailure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Application.DisposeAsync();
        if (!_options.KeepState && Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}
