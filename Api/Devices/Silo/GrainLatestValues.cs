using IoTStack.Contracts.Devices;

namespace IoTStack.Api.Devices.Silo;

/// <summary>The latest value of each series, from the logical device grain's memory.</summary>
public sealed class GrainLatestValues(IGrainFactory grains) : ILatestValues
{
    public async Task<IReadOnlyList<LatestValue>> GetAsync(long logicalUid, CancellationToken cancellationToken) =>
        [.. (await grains.GetGrain<ILogicalDeviceGrain>(logicalUid).GetLatestValuesAsync())
            .OrderBy(point => point.Name, StringComparer.Ordinal)
            .Select(point => new LatestValue(point.Name, point.Timestamp, point.Value, point.Text))];
}
