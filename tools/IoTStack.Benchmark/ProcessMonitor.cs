using System.Net.Http.Json;
using System.Text.Json;

namespace IoTStack.Benchmark;

/// <summary>
/// Samples the services' process trees twice a second during a phase. Pids come from the dashboard's
/// <c>GET /api/resources</c>, as any tool watching a user's stack would get them.
/// </summary>
public sealed class ProcessMonitor : IAsyncDisposable
{
    private static readonly string[] Watched = ["ingest", "silo", "api", "postgres", "messaging"];
    private readonly Dictionary<string, int[]> _pids;
    private readonly Dictionary<string, double> _cpuAtStart = [];
    private readonly Dictionary<string, long> _peakRss = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private ProcessMonitor(Dictionary<string, int[]> pids)
    {
        _pids = pids;
        foreach (var (name, usage) in Sample())
        {
            _cpuAtStart[name] = usage.Cpu;
            _peakRss[name] = usage.Rss;
        }

        _sampling = SampleUntilStoppedAsync();
    }

    public static async Task<Dictionary<string, int[]>> ResourcePidsAsync(Uri dashboard)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        var resources = await http.GetFromJsonAsync<JsonElement[]>("api/resources") ?? [];
        return resources
            .Where(r => Watched.Contains(r.GetProperty("name").GetString()))
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("replicas").EnumerateArray()
                .Select(x => x.GetProperty("processId")).Append(r.GetProperty("pid"))
                .Where(p => p.ValueKind == JsonValueKind.Number).Select(p => p.GetInt32()).Distinct().ToArray());
    }

    public static async Task<ProcessMonitor> StartAsync(Uri dashboard) => new(await ResourcePidsAsync(dashboard));

    public async Task<IReadOnlyList<ProcessUsage>> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        return Sample().Select(s => new ProcessUsage(s.Name, s.Usage.Cpu - _cpuAtStart.GetValueOrDefault(s.Name), _peakRss.GetValueOrDefault(s.Name) / 1048576.0)).ToList();
    }

    private async Task SampleUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var (name, usage) in Sample())
                {
                    _peakRss[name] = Math.Max(_peakRss.GetValueOrDefault(name), usage.Rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private List<(string Name, (double Cpu, long Rss) Usage)> Sample()
    {
        var tree = ProcFs.ChildrenByParent();
        return _pids.Select(p => (p.Key, p.Value.Select(pid => ProcFs.TreeUsage(pid, tree))
            .Aggregate((Cpu: 0.0, Rss: 0L), (a, u) => (a.Cpu + u.CpuSeconds, a.Rss + u.RssBytes)))).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
