using IoTStack.Contracts.Devices;

namespace IoTStack.Silo.Storage;

/// <summary>One row of series_points on its way into a batch.</summary>
public readonly record struct SeriesRow(long LogicalUid, SeriesPoint Point);
