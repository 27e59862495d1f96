using System.Diagnostics;

namespace IoTStack.Simulator;

/// <summary>
/// Connects every device, then each sends its share of the aggregate rate (paced by a <see cref="RatePacer"/>)
/// with up to <see cref="SimulatorOptions.MaxInFlightPerDevice"/> unacknowledged messages, for the duration.
/// </summary>
public sealed class Simulation(SimulatorOptions options, IReadOnlyList<SimulatedDevice> devices)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    public SimulationStats Stats { get; } = new();
    public Stopwatch Clock { get; } = new();

    public async Task<SimulationSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        var channels = devices.Select(d => options.Transport == Transport.Http
            ? (IDeviceChannel)new HttpDeviceChannel(d, options, http)
            : new MqttDeviceChannel(d, options)).ToArray();
        try
        {
            await Parallel.ForEachAsync(channels, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                (channel, ct) => new ValueTask(channel.ConnectAsync(ct)));
            var startedAt = DateTimeOffset.UtcNow;
            Clock.Start();
            using var progress = options.Quiet ? null : new ProgressLine(this, new RatePacer(options.Rate, options.Ramp));
            await Task.WhenAll(channels.Select((c, i) => RunDeviceAsync(c, devices[i], i, cancellationToken)));
            Clock.Stop();
            return SimulationSummary.From(options, Stats, startedAt, Clock.Elapsed);
        }
        finally
        {
            foreach (var channel in channels)
            {
                await channel.DisposeAsync();
            }
        }
    }

    private async Task RunDeviceAsync(IDeviceChannel channel, SimulatedDevice device, int index, CancellationToken cancellationToken)
    {
        var pacer = new RatePacer(options.Rate / devices.Count, options.Ramp);
        var series = new NoisySeries(index);
        using var window = new SemaphoreSlim(options.MaxInFlightPerDevice);
        var inFlight = new List<Task>();
        long sent = 0;
        while (Clock.Elapsed < options.Duration && !cancellationToken.IsCancellationRequested)
        {
            // The duration is checked here too: when the server falls behind, the window stalls the sender and it
            // never catches up with what is due, so without it a saturated run would never end.
            while (sent < (long)pacer.DueBy(Clock.Elapsed) && Clock.Elapsed < options.Duration)
            {
                await window.WaitAsync(cancellationToken);
                var payload = PayloadBuilder.Build(options.Shape, device.Name, series, options.PointsPerMessage, DateTimeOffset.UtcNow);
                inFlight.Add(SendOneAsync(channel, payload, window, cancellationToken));
                sent++;
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            await Task.Delay(Tick, cancellationToken);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendOneAsync(IDeviceChannel channel, byte[] payload, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Stats.OnSent();
        try
        {
            var error = await channel.SendAsync(payload, cancellationToken);
            if (error is null)
            {
                Stats.OnAcked(Stopwatch.GetElapsedTime(started));
            }
            else
            {
                Stats.OnError(error);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Stats.OnError(e.GetType().Name);
        }
        finally
        {
            window.Release();
        }
    }
}
