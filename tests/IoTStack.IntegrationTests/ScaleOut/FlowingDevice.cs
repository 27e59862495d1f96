using System.Collections.Concurrent;
using System.Globalization;
using IoTStack.IntegrationTests.Ingest;

namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>
/// A device that keeps sending telemetry at its own pace, as a field device does, and knows every Ingest replica's
/// address: when a send fails it moves on to the next replica, and it does not resend (a resend after a lost
/// acknowledgement may legitimately be stored twice; this device only counts what was acknowledged).
/// </summary>
public abstract class FlowingDevice(TestDevice device, long logicalUid, IReadOnlyList<Uri> replicas, int firstReplica) : IAsyncDisposable
{
    /// <summary>Each message carries this many points.</summary>
    public const int PointsPerMessage = 2;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private int _failures;

    public TestDevice Device { get; } = device;

    public IReadOnlyCollection<Acknowledged> Acknowledged => _acknowledged;

    public int Failures => _failures;

    /// <summary>The replica the device currently sends to.</summary>
    public int Replica { get; private set; } = firstReplica;

    protected Uri Endpoint => replicas[Replica];

    public int AcknowledgedSince(DateTimeOffset moment) => _acknowledged.Count(ack => ack.At > moment);

    /// <summary>Sends until <paramref name="stop"/> is cancelled; timestamps are a millisecond apart, so each names one message.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var first = DateTime.UnixEpoch.AddMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            var timestamp = first.AddMilliseconds(sequence);
            if (await TrySendAsync(Payload(timestamp, sequence), stop))
            {
                _acknowledged.Enqueue(new Acknowledged(logicalUid, timestamp, Replica, DateTimeOffset.UtcNow));
            }
            else if (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failures);
                Replica = (Replica + 1) % replicas.Count;
            }

            await Task.Delay(Interval, CancellationToken.None);
        }
    }

    /// <summary>True only when the gateway acknowledged the message.</summary>
    protected abstract Task<bool> TrySendAsync(string payload, CancellationToken stopping);

    public abstract ValueTask DisposeAsync();

    private static string Payload(DateTime timestamp, int sequence)
    {
        var ms = new DateTimeOffset(timestamp).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var value = sequence.ToString(CultureInfo.InvariantCulture);
        return $$$"""{"ts": {{{ms}}}, "values": {"seq": {{{value}}}, "half": {{{value}}}.5}}""";
    }
}
