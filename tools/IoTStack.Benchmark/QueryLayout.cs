namespace IoTStack.Benchmark;

/// <summary>
/// Where the query phase's points lie: <see cref="Points"/> evenly spaced over exactly <see cref="Buckets"/> buckets
/// of <see cref="Interval"/>, starting on a bucket boundary in the past, so each bucket holds Points / Buckets points.
/// Ten-minute buckets are what a dashboard picks for a week of data (Grafana rounds its interval to such steps).
/// </summary>
public sealed record QueryLayout(int Points, int Buckets, TimeSpan Interval, DateTimeOffset From)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(10);

    /// <summary>The layout ending at least an hour before <paramref name="now"/>, its start on an interval boundary.</summary>
    public static QueryLayout EndingBefore(DateTimeOffset now, int points, int buckets, TimeSpan? interval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, buckets);
        var width = interval ?? DefaultInterval;
        var start = now.UtcTicks - width.Ticks * buckets - TimeSpan.TicksPerHour;
        return new QueryLayout(points, buckets, width, new DateTimeOffset(start - start % width.Ticks, TimeSpan.Zero));
    }

    public DateTimeOffset To => From + Interval * Buckets;

    /// <summary>The time between two points (whole ticks; the remainder of the range stays empty).</summary>
    public TimeSpan Step => TimeSpan.FromTicks(Interval.Ticks * Buckets / Points);

    public DateTimeOffset TimestampOf(long index) => From + Step * index;

    /// <summary>The ISO-8601 duration the GraphQL <c>interval</c> argument takes, e.g. PT10M.</summary>
    public string IsoInterval => System.Xml.XmlConvert.ToString(Interval);
}
