using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IoTStack.Hosting;

public sealed partial class DistributedApplication
{
    /// <summary>Waits until every resource that can run here is healthy.</summary>
    public async Task WaitForAllHealthyAsync(CancellationToken cancellationToken = default)
    {
        foreach (var resource in Resources.Where(r => r.IsVisible))
        {
            await ResourceNotifications.WaitForAsync(resource.Name, s => s.State == ResourceState.NotAvailable || s.Health == ResourceHealth.Healthy
                || (s.State == ResourceState.FailedToStart ? throw new InvalidOperationException($"{resource.Name} failed to start: {s.Reason}") : false),
                cancellationToken);
        }
    }

    private async Task ReportWhenHealthyAsync(Stopwatch elapsed, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForAllHealthyAsync(cancellationToken);
            _logger.LogInformation("Every available resource is healthy after {Seconds:0.0} s", elapsed.Elapsed.TotalSeconds);
            foreach (var resource in ResourceNotifications.GetAll().Where(r => r.Endpoints.Count > 0))
            {
                _logger.LogInformation("  {Resource}: {Endpoints}", resource.Name, string.Join("  ", resource.Endpoints));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Stopped first, or a resource failed: its state on the dashboard says why.
        }
    }
}
