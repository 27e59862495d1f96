namespace IoTStack.Benchmark;

/// <summary>CPU seconds used and peak resident memory of one service's process tree over a phase.</summary>
public sealed record ProcessUsage(string Name, double CpuSeconds, double PeakRssMiB);
