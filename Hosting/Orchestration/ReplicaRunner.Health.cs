namespace IoTStack.Hosting;

internal sealed partial class ReplicaRunner
{
    private async Task MonitorHealthAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                healthy = await launcher.CheckHealthAsync(index, timeout.Token);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: a probe in flight fails however its client reports it (PostgreSQL's: connection refused).
                // Letting that escape would fault the stop itself, and what is stopped after this replica never would be.
                return;
            }
            catch (Exception)
            {
                healthy = false;
            }

            Update(s => s with { Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy });
            // Probe often until the first success so dependants start quickly, then calmly.
            var interval = healthy ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(300);
            await Task.Delay(interval, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void Fail(ResourceState state, string reason)
    {
        _reason = reason;
        log.Append(id, $"[apphost] {state}: {reason}");
        Update(s => s with { State = state, Health = ResourceHealth.Unknown, ProcessId = null });
    }

    private void Update(Func<ReplicaSnapshot, ReplicaSnapshot> change)
    {
        lock (_gate)
        {
            _snapshot = change(_snapshot);
        }

        changed();
    }
}
