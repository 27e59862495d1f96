namespace IoTStack.Api.Series;

/// <summary>How the points of one <c>date_bin</c> bucket become one value.</summary>
public enum SeriesAggregate
{
    Avg,
    Min,
    Max,
    Sum,
    Count,
    First,
    Last,
}
