using Orleans.Concurrency;

namespace IoTStack.Contracts.Devices;

/// <summary>A device in the field, keyed by its physical uid. Routes its messages to the logical device mapped at each message's time.</summary>
public interface IPhysicalDeviceGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Accepts this device's messages; completes once their points are committed (so the caller may acknowledge).
    /// Throws <see cref="RejectedMessageException"/> when the device is unknown or a message is invalid.
    /// </summary>
    Task HandleAsync(IReadOnlyList<NormalisedMessage> messages);

    Task<DeviceMapping?> GetCurrentMappingAsync();

    Task<IReadOnlyList<DeviceMapping>> GetMappingHistoryAsync();

    /// <summary>Maps this device to a logical device from now on, ending any open mapping of either device.</summary>
    Task<DeviceMapping> MapToAsync(long logicalUid);

    /// <summary>Ends this device's open mapping, if any; its data stops flowing. Returns the ended mapping.</summary>
    Task<DeviceMapping?> EndMappingAsync();

    /// <summary>Re-reads the mapping history after another device's mapping operation ended this one's mapping.</summary>
    [AlwaysInterleave]
    Task RefreshMappingAsync();
}
