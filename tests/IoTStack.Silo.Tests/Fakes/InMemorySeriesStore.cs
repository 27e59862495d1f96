using System.Collections.Concurrent;
using IoTStack.Contracts.Devices;
using IoTStack.Silo.Storage;

namespace IoTStack.Silo.Tests.Fakes;

/// <summary>series_points in memory, keyed like its primary key so a repeated point is kept once.</summary>
public sealed class InMemorySeriesStore : ISeriesStore
{
    private readonly ConcurrentDictionary<(long LogicalUid, string Name, DateTimeOffset Timestamp, Guid CorrelationId), SeriesPoint> _rows = new();

    public IReadOnlyList<SeriesPoint> PointsOf(long logicalUid) =>
        _rows.Where(row => row.Key.LogicalUid == logicalUid).Select(row => row.Value).OrderBy(point => point.Timestamp).ToArray();

    public Task AppendAsync(long logicalUid, IReadOnlyList<SeriesPoint> points)
    {
        foreach (var point in points)
        {
            _rows.TryAdd((logicalUid, point.Name, point.Timestamp, point.CorrelationId), point);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SeriesPoint>> LoadLatestAsync(long logicalUid, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SeriesPoint>>(PointsOf(logicalUid)
            .GroupBy(point => point.Name)
            .Select(series => series.MaxBy(point => point.Timestamp)!)
            .ToArray());
}
