using System.Diagnostics;

namespace IoTStack.Silo.Tests.Infrastructure;

/// <summary>
/// The real Silo executable, configured the way the AppHost configures it (ConnectionStrings__*, Orleans__*), on free
/// loopback ports. Killed (SIGKILL) or stopped (SIGTERM) on request, and always killed on dispose.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _httpPort;

    private readonly StreamWriter _log;

    private SiloProcess(Process process, int httpPort, string logFile, StreamWriter log)
    {
        _process = process;
        _log = log;
        _httpPort = httpPort;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public static SiloProcess Start(string databaseConnectionString, string amqpUri, string clusterId)
    {
        var httpPort = FreePort.Next();
        var logFile = Path.Combine(Path.GetTempPath(), $"iotstack-silo-{clusterId}-{httpPort}.log");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IoTStack.Silo.dll"));
        start.Environment["ConnectionStrings__iotdb"] = databaseConnectionString;
        start.Environment["ConnectionStrings__messaging"] = amqpUri;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__ServiceId"] = "iotstack-tests";
        start.Environment["Orleans__Clustering__ProviderType"] = "AdoNet";
        start.Environment["Orleans__Clustering__Invariant"] = "Npgsql";
        start.Environment["Orleans__Clustering__ConnectionName"] = "iotdb";
        start.Environment["Orleans__Endpoints__AdvertisedIPAddress"] = "127.0.0.1";
        start.Environment["Orleans__Endpoints__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__Endpoints__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Silo.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => WriteLine(log, line.Data);
        process.ErrorDataReceived += (_, line) => WriteLine(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, httpPort, logFile, log);
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Silo exited with {_process.ExitCode}; see {LogFile}.");
            }

            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{_httpPort}/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The Silo was not healthy within {timeout}; see {LogFile}.");
    }

    /// <summary>SIGKILL: no shutdown code runs, in-flight messages stay unacknowledged.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
