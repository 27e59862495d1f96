using System.Collections.Concurrent;

namespace IoTStack.Simulator;

/// <summary>Counters shared by every simulated device; acknowledgement latencies kept in milliseconds.</summary>
public sealed class SimulationStats
{
    private long _sent;
    private long _acked;
    private long _errors;
    private readonly ConcurrentQueue<double> _ackLatencies = new();

    public long Sent => Interlocked.Read(ref _sent);
    public long Acked => Interlocked.Read(ref _acked);
    public long Errors => Interlocked.Read(ref _errors);
    public ConcurrentDictionary<string, long> ErrorKinds { get; } = new();
    public IEnumerable<double> AckLatencies => _ackLatencies;

    public void OnSent() => Interlocked.Increment(ref _sent);

    public void OnAcked(TimeSpan latency)
    {
        Interlocked.Increment(ref _acked);
        _ackLatencies.Enqueue(latency.TotalMilliseconds);
    }

    public void OnError(string kind)
    {
        Interlocked.Increment(ref _errors);
        ErrorKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }
}
