using IoTStack.Api.GraphQL;
using IoTStack.Api.Registry;
using IoTStack.Contracts.Devices;

namespace IoTStack.Api.Devices.Silo;

/// <summary>Mapping operations through the device grains, which own the mapping that routes every message.</summary>
public sealed class GrainDeviceMappings(IGrainFactory grains) : IDeviceMappings
{
    public async Task<Mapping> MapAsync(long physicalUid, long logicalUid, CancellationToken cancellationToken) =>
        ToMapping(await Known(() => MapDevices.StartAsync(grains, physicalUid, logicalUid)));

    public async Task<Mapping?> EndForPhysicalAsync(long physicalUid, CancellationToken cancellationToken) =>
        await Known(() => MapDevices.EndForPhysicalAsync(grains, physicalUid)) is { } ended ? ToMapping(ended) : null;

    public async Task<Mapping?> EndForLogicalAsync(long logicalUid, CancellationToken cancellationToken) =>
        await Known(() => MapDevices.EndForLogicalAsync(grains, logicalUid)) is { } ended ? ToMapping(ended) : null;

    private static Mapping ToMapping(DeviceMapping mapping) => new(mapping.PhysicalUid, mapping.LogicalUid, mapping.Start, mapping.End);

    private static async Task<T> Known<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (UnknownDeviceException exception)
        {
            throw ApiErrors.NotFoundError(exception.Message.TrimEnd('.'));
        }
    }
}
