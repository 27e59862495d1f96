namespace IoTStack.Api.Series;

/// <summary>
/// A series request: the points of some (or all) series of a logical device in [From, To). With an
/// <see cref="Interval"/> the points are bucketed with <c>date_bin</c> (aligned to From) and aggregated;
/// without one the raw points are returned. <see cref="Limit"/> caps the rows either way.
/// </summary>
public sealed record SeriesQuery(
    long LogicalUid,
    IReadOnlyList<string>? Names,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan? Interval,
    SeriesAggregate Aggregate,
    int Limit);

/// <summary>One row of a series answer: a bucket (or a raw point) of one series.</summary>
public sealed record SeriesRow(string Name, DateTimeOffset Timestamp, double? Value, string? Text, long Count);
