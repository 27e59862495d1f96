using IoTStack.Simulator;

namespace IoTStack.Benchmark;

/// <summary>Simulator → Ingest → RabbitMQ → Silo → PostgreSQL, as measured from both ends.</summary>
public sealed record EndToEndResult(SimulationSummary Sent, StoredPoints Stored, IReadOnlyList<ProcessUsage> Processes)
{
    public double StoredPointsPerSecond => Stored.Seconds > 0 ? Stored.Count / Stored.Seconds : 0;
    public bool StoredEqualsAcked => Stored.Count == Sent.AckedPoints;
}
