using IoTStack.Simulator;

namespace IoTStack.Benchmark;

/// <summary>Idle MQTT connections: Ingest's memory per connection, then one message through each.</summary>
public sealed record ConnectionsResult(int Requested, int Connected, int HoldSeconds, double IngestRssBeforeMiB, double IngestRssHeldMiB, SimulationSummary Trickle)
{
    public double KiBPerConnection => Connected > 0 ? (IngestRssHeldMiB - IngestRssBeforeMiB) * 1024 / Connected : 0;
}
