using IoTStack.Contracts.Devices;

namespace IoTStack.Silo.Storage;

/// <summary>What the grains need to know about the device registry (created by Ingest and operators).</summary>
public interface IDeviceRegistry
{
    Task<bool> PhysicalDeviceExistsAsync(long physicalUid, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UnmappedDevice>> ListUnmappedAsync(string? source, CancellationToken cancellationToken = default);
}
