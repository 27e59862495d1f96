namespace IoTStack.Benchmark;

/// <summary>Which phases run and how big each is; zero turns a phase off.</summary>
public sealed record BenchmarkOptions
{
    public int Devices { get; init; } = 100;
    public double Rate { get; init; } = 15_000;
    public int DurationSeconds { get; init; } = 60;
    public int RampSeconds { get; init; } = 5;
    public int QoS { get; init; } = 1;
    public int Points { get; init; } = 3;
    public bool Ceilings { get; init; } = true;
    public int Connections { get; init; } = 10_000;
    public int HoldSeconds { get; init; } = 30;
    public int QueryRuns { get; init; } = 50;
    public int QueryPoints { get; init; } = 1_000_000;
    public int QueryBuckets { get; init; } = 1_000;
    public int SiloReplicas { get; init; } = 1;
    public string OutputDirectory { get; init; } = "bench/results";
    public string Note { get; init; } = "";
}
