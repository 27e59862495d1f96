namespace IoTStack.Benchmark;

/// <summary>Everything one benchmark invocation measured; serialised as the JSON result.</summary>
public sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    string Machine,
    BenchmarkOptions Options,
    EndToEndResult? EndToEnd,
    CeilingResult? CopyCeiling,
    CeilingResult? BrokerCeiling,
    ConnectionsResult? Connections,
    QueryResult? Query,
    IReadOnlyList<string> Notes)
{
    /// <summary>End-to-end stored points/s as a fraction of PostgreSQL's COPY ceiling.</summary>
    public double? StoredVsCopy => EndToEnd is { } e && CopyCeiling is { PerSecond: > 0 } c ? e.StoredPointsPerSecond / c.PerSecond : null;

    /// <summary>End-to-end acknowledged msg/s as a fraction of RabbitMQ's confirmed-publish ceiling.</summary>
    public double? AckedVsBroker => EndToEnd is { } e && BrokerCeiling is { PerSecond: > 0 } b ? e.Sent.AckedPerSecond / b.PerSecond : null;

    public static string DescribeMachine() =>
        $"{Environment.ProcessorCount} logical CPUs, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F1} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}
