namespace IoTStack.Api.Series;

/// <summary>
/// When and how the per-minute rollup (<c>series_minutes</c>, migration 1350) answers a bucketed query exactly. The
/// interval must be a whole number of minutes; then every bucket boundary lies at the same second of its minute as
/// 'from'. Minutes no boundary cuts come from the rollup, up to <see cref="MinuteRollupPlan.RolledUpTo"/> (the last
/// minute boundary before 'to'); the partial minute before 'to' and, when 'from' is not on a minute, the minutes the
/// boundaries cut come from the raw points.
/// </summary>
public static class MinuteRollup
{
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(1);

    /// <summary>How the rollup takes part in the query, or null when it cannot help.</summary>
    public static MinuteRollupPlan? Plan(SeriesQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Interval is not { } interval || interval.Ticks % Width.Ticks != 0)
        {
            return null;
        }

        var end = FloorToMinute(query.To);
        var firstCut = FloorToMinute(query.From);
        return end > query.From ? new MinuteRollupPlan(end, firstCut, CutsMinutes: firstCut != query.From) : null;
    }

    private static DateTimeOffset FloorToMinute(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % Width.Ticks, TimeSpan.Zero);
}

/// <summary>
/// The rollup's part of a query: minutes before <paramref name="RolledUpTo"/>. When <paramref name="CutsMinutes"/>,
/// bucket boundaries fall inside the minutes <paramref name="FirstCut"/> + k × interval, which are read raw.
/// </summary>
public sealed record MinuteRollupPlan(DateTimeOffset RolledUpTo, DateTimeOffset FirstCut, bool CutsMinutes);
