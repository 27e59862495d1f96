using IoTStack.Simulator;

namespace IoTStack.Benchmark;

/// <summary>The query phase: GraphQL <c>series</c> over one device's points, timed end to end per scenario.</summary>
public sealed record QueryResult(int Points, int Buckets, string Interval, double LoadSeconds, int WarmUps, IReadOnlyList<QueryScenarioResult> Scenarios)
{
    public const double TargetP95Ms = 100;
}

/// <summary>
/// One aggregate timed over the runs. <see cref="Path"/> says what answered and the interval: the per-minute rollup
/// (whole minutes; with 'from' off the minute, the cut minutes raw) or the raw points. Buckets and CountedPoints are
/// from the answer.
/// </summary>
public sealed record QueryScenarioResult(string Aggregate, string Path, int Buckets, long CountedPoints, Percentiles LatencyMs)
{
    public bool MeetsTarget => LatencyMs.Count > 0 && LatencyMs.P95 < QueryResult.TargetP95Ms;
}
