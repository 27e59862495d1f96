using IoTStack.Simulator;

namespace IoTStack.Benchmark;

/// <summary>
/// Opens the connections, holds them idle, reads Ingest's resident memory (after a settle, so connection set-up
/// garbage is not counted as per-connection cost), then sends one QoS 1 message through every connection.
/// </summary>
public static class ConnectionsPhase
{
    public static async Task<ConnectionsResult> RunAsync(StackUnderTest stack, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        // Not mapped: this phase measures connections; its trickle is kept as unmapped activity, not as series.
        var devices = await stack.RegisterDevicesAsync(options.Connections, $"idle-{DateTime.UtcNow:HHmmss}", mapToLogical: false, cancellationToken);
        var ingestPid = (await ProcessMonitor.ResourcePidsAsync(stack.DashboardUrl))["ingest"][0];
        var before = ProcFs.RssBytes(ingestPid) / 1048576.0;
        var simulatorOptions = stack.SimulatorOptions with { Devices = devices.Count, QoS = 1, Quiet = true };
        var channels = devices.Select(d => new MqttDeviceChannel(d, simulatorOptions)).ToArray();
        var connected = 0;
        try
        {
            await Parallel.ForEachAsync(channels, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (c, ct) =>
            {
                try
                {
                    await c.ConnectAsync(ct);
                    Interlocked.Increment(ref connected);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Counted as not connected; the report shows requested vs connected.
                }
            });
            Console.Error.WriteLine($"{connected}/{devices.Count} connections open; holding {options.HoldSeconds} s");
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds), cancellationToken);
            var held = ProcFs.RssBytes(ingestPid) / 1048576.0;
            var trickle = await TrickleAsync(channels, simulatorOptions, cancellationToken);
            return new ConnectionsResult(devices.Count, connected, options.HoldSeconds, before, held, trickle);
        }
        finally
        {
            await Parallel.ForEachAsync(channels, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
        }
    }

    private static async Task<SimulationSummary> TrickleAsync(MqttDeviceChannel[] channels, SimulatorOptions options, CancellationToken cancellationToken)
    {
        var stats = new SimulationStats();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(channels.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var payload = PayloadBuilder.Build(PayloadShape.TsValues, "", new NoisySeries(item.i), 3, DateTimeOffset.UtcNow);
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            stats.OnSent();
            try
            {
                var error = await item.c.SendAsync(payload, ct);
                if (error is null)
                {
                    stats.OnAcked(System.Diagnostics.Stopwatch.GetElapsedTime(sent));
                }
                else
                {
                    stats.OnError(error);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                stats.OnError(e.GetType().Name);
            }
        });
        return SimulationSummary.From(options with { PointsPerMessage = 3 }, stats, startedAt, clock.Elapsed);
    }
}
