namespace IoTStack.Simulator;

/// <summary>What a run achieved: offered and acknowledged rates, acknowledgement latency, errors by kind.</summary>
public sealed record SimulationSummary(
    DateTimeOffset StartedAt,
    double Seconds,
    long Sent,
    long Acked,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorKinds,
    int PointsPerMessage,
    Percentiles AckLatencyMs)
{
    public double OfferedPerSecond => Sent / Seconds;
    public double AckedPerSecond => Acked / Seconds;
    public long AckedPoints => Acked * PointsPerMessage;

    public static SimulationSummary From(SimulatorOptions options, SimulationStats stats, DateTimeOffset startedAt, TimeSpan elapsed) =>
        new(startedAt, elapsed.TotalSeconds, stats.Sent, stats.Acked, stats.Errors,
            new Dictionary<string, long>(stats.ErrorKinds), options.PointsPerMessage, Percentiles.Of(stats.AckLatencies));

    public override string ToString() =>
        $"""
        {Seconds:F1} s: sent {Sent} ({OfferedPerSecond:F0} msg/s), acknowledged {Acked} ({AckedPerSecond:F0} msg/s, {AckedPerSecond * PointsPerMessage:F0} points/s), errors {Errors}
        publish→ack {AckLatencyMs}
        {(ErrorKinds.Count == 0 ? "" : "errors: " + string.Join(", ", ErrorKinds.Select(e => $"{e.Key} ×{e.Value}")))}
        """;
}
