using IoTStack.Contracts.Devices;

namespace IoTStack.Silo.Storage;

/// <summary>The physical-to-logical mapping history; mutations follow IoTa's rules (see migration 0111).</summary>
public interface IMappingStore
{
    Task<IReadOnlyList<DeviceMapping>> GetPhysicalHistoryAsync(long physicalUid, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeviceMapping>> GetLogicalHistoryAsync(long logicalUid, CancellationToken cancellationToken = default);

    /// <summary>Opens physical → logical from now, ending the open mappings of both devices.</summary>
    Task<MappingChange> MapAsync(long physicalUid, long logicalUid, CancellationToken cancellationToken = default);

    /// <summary>Ends the physical device's open mapping; null when it had none.</summary>
    Task<DeviceMapping?> EndAsync(long physicalUid, CancellationToken cancellationToken = default);
}

/// <summary>The mapping just opened, and the physical devices (other than its own) whose open mapping it ended.</summary>
public sealed record MappingChange(DeviceMapping Started, IReadOnlyList<long> EndedPhysicalUids);
