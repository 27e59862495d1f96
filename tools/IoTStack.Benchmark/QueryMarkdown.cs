using System.Globalization;
using System.Text;

namespace IoTStack.Benchmark;

/// <summary>The query phase's rows of the headline table.</summary>
public static class QueryMarkdown
{
    public static void AppendRows(StringBuilder md, QueryResult q)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(q);
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| query fixture: binary COPY of {q.Points:N0} points into series_points (rollup triggers included) | {q.LoadSeconds:F1} s ({q.Points / Math.Max(q.LoadSeconds, 1e-9):F0} points/s) | |");
        foreach (var s in q.Scenarios)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| series {s.Aggregate}, {s.CountedPoints:N0} points → {s.Buckets:N0} buckets ({s.Path}), p50/p95/p99/max ms over {s.LatencyMs.Count} runs " +
                $"| {s.LatencyMs.P50:F0} / {s.LatencyMs.P95:F0} / {s.LatencyMs.P99:F0} / {s.LatencyMs.Max:F0}{(s.MeetsTarget ? "" : " (missed)")} | p95 < {QueryResult.TargetP95Ms:F0} |");
        }
    }
}
