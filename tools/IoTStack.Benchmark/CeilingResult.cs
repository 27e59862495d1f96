namespace IoTStack.Benchmark;

/// <summary>How fast one server alone takes the same work: items per second.</summary>
public sealed record CeilingResult(string What, long Items, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Items / Seconds : 0;
}
