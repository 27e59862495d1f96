namespace IoTStack.Hosting;

internal sealed partial class Orchestrator
{
    /// <summary>Stops every resource, dependants first. Once it has begun, no resource starts any more.</summary>
    public async Task StopAsync()
    {
        lock (_startGate)
        {
            _stopping = true;
        }

        await _shutdown.CancelAsync();
        var remaining = _runners.Values.ToList();
        var failures = new List<Exception>();
        while (remaining.Count > 0)
        {
            // Stop what nothing else still running depends on first.
            var leaves = remaining.Where(r => !remaining.Any(other => DependsOn(other.Resource, r.Resource))).ToList();
            leaves = leaves.Count > 0 ? leaves : remaining;
            try
            {
                await Task.WhenAll(leaves.Select(l => l.StopAsync()));
            }
            catch (Exception e)
            {
                // Keep going: one replica that failed to stop cleanly must not leave the database and broker running.
                failures.Add(e);
            }

            remaining.RemoveAll(leaves.Contains);
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Some resources did not stop cleanly; every other one was stopped.", failures);
        }
    }

    private static bool DependsOn(Resource dependant, Resource dependency) =>
        dependant.WaitsFor.Any(d => d == dependency || d.Parent == dependency);
}
