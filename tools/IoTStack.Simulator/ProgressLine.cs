namespace IoTStack.Simulator;

/// <summary>Rewrites one console line each second: target rate, sent and acknowledged per second, errors.</summary>
public sealed class ProgressLine : IDisposable
{
    private readonly Timer _timer;
    private long _lastSent;
    private long _lastAcked;

    public ProgressLine(Simulation simulation, RatePacer pacer)
    {
        _timer = new Timer(_ =>
        {
            var stats = simulation.Stats;
            long sent = stats.Sent, acked = stats.Acked;
            Console.Error.Write(
                $"\r{simulation.Clock.Elapsed:mm\\:ss} target {pacer.RateAt(simulation.Clock.Elapsed),7:F0}/s  sent {sent - _lastSent,7}/s  acked {acked - _lastAcked,7}/s  total {acked,9}  errors {stats.Errors}   ");
            (_lastSent, _lastAcked) = (sent, acked);
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Dispose()
    {
        _timer.Dispose();
        Console.Error.WriteLine();
    }
}
