using IoTStack.Contracts.Devices;

namespace IoTStack.Silo.Storage;

/// <summary>The series table as the logical device grains use it.</summary>
public interface ISeriesStore
{
    /// <summary>Completes when the points are committed; a point already stored (same key) is silently kept once.</summary>
    Task AppendAsync(long logicalUid, IReadOnlyList<SeriesPoint> points);

    /// <summary>The newest stored point of every series name of the logical device.</summary>
    Task<IReadOnlyList<SeriesPoint>> LoadLatestAsync(long logicalUid, CancellationToken cancellationToken = default);
}
