namespace IoTStack.Api.Series;

/// <summary>
/// When the per-minute rollup (<c>series_minutes</c>, migration 1350) can answer a bucketed query exactly: every
/// bucket boundary must be a minute boundary, so each rolled-up minute lies wholly inside one bucket. That holds when
/// the interval is a whole number of minutes and 'from' is on a minute. The minutes in [from, <see cref="RolledUpTo"/>)
/// come from the rollup; the partial minute before 'to' comes from the raw points.
/// </summary>
public static class MinuteRollup
{
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(1);

    /// <summary>The end of the rollup's part of the query (the last minute boundary at or before 'to'), or null when it cannot help.</summary>
    public static DateTimeOffset? RolledUpTo(SeriesQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Interval is not { } interval || interval.Ticks % Width.Ticks != 0 || query.From.UtcTicks % Width.Ticks != 0)
        {
            return null;
        }

        var end = new DateTimeOffset(query.To.UtcTicks - query.To.UtcTicks % Width.Ticks, TimeSpan.Zero);
        return end > query.From ? end : null;
    }
}
