namespace IoTStack.Simulator;

/// <summary>Nearest-rank percentiles over a sample (sorted once); what the summary and the benchmark print.</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static readonly Percentiles Empty = new(0, 0, 0, 0, 0);

    public static Percentiles Of(IEnumerable<double> sample)
    {
        var sorted = sample.ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        return new(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    public static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => $"p50 {P50:F1} p95 {P95:F1} p99 {P99:F1} max {Max:F1} ms (n={Count})";
}
