using System.Diagnostics;

namespace IoTStack.Hosting;

/// <summary>
/// Supervises one replica: starts its process with CliWrap, probes its health, restarts it with backoff when it
/// crashes, and stops it politely (SIGINT, or the launcher's own stop) before killing its process tree.
/// </summary>
internal sealed partial class ReplicaRunner(string id, int index, IResourceLauncher launcher, ResourceLog log, ProcessRecord record, Action changed) : IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private CancellationTokenSource? _stopping;
    private Task _supervision = Task.CompletedTask;
    private ReplicaSnapshot _snapshot = new(id, null, ResourceState.Starting, ResourceHealth.Unknown, 0, null, null);
    private string? _reason;

    public ReplicaSnapshot Snapshot => _snapshot;

    public string? Reason => _reason;

    public void Start()
    {
        lock (_gate)
        {
            if (!_supervision.IsCompleted)
            {
                return;
            }

            _stopping?.Dispose();
            _stopping = new CancellationTokenSource();
            var stopping = _stopping.Token;
            _supervision = Task.Run(() => SuperviseAsync(stopping), CancellationToken.None);
        }
    }

    public async Task StopAsync()
    {
        Task supervision;
        lock (_gate)
        {
            _stopping?.Cancel();
            supervision = _supervision;
        }

        await supervision;
    }

    public void Dispose() => _stopping?.Dispose();

    /// <summary>
    /// SIGKILL, as a crash would: the supervisor notices and restarts the replica, unless <paramref name="restart"/>
    /// is false (then it stays down until started again).
    /// </summary>
    public void Kill(bool restart = true)
    {
        if (_snapshot.ProcessId is int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        if (!restart)
        {
            // Cancelled after the kill, so no polite stop reaches a process that must die abruptly.
            lock (_gate)
            {
                _stopping?.Cancel();
            }
        }
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var started = DateTimeOffset.UtcNow;
            if (!await RunOnceAsync(stopping) || stopping.IsCancellationRequested)
            {
                return;
            }

            failures = DateTimeOffset.UtcNow - started > StableRun ? 1 : failures + 1;
            var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, failures - 1)));
            Update(s => s with { Restarts = s.Restarts + 1 });
            log.Append(id, $"[apphost] restarting in {delay.TotalSeconds:0.#} s (restart #{_snapshot.Restarts})");
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
