namespace IoTStack.Contracts.Devices;

/// <summary>A destination series (a tank, a weather station), keyed by logical uid; fed by physical devices over time.</summary>
public interface ILogicalDeviceGrain : IGrainWithIntegerKey
{
    /// <summary>Stores a mapped message's points; completes once committed. Called by physical device grains.</summary>
    Task AppendAsync(NormalisedMessage message);

    /// <summary>The latest value of every series name, from memory.</summary>
    Task<IReadOnlyList<SeriesPoint>> GetLatestValuesAsync();

    Task<DeviceMapping?> GetCurrentMappingAsync();

    Task<IReadOnlyList<DeviceMapping>> GetMappingHistoryAsync();

    /// <summary>Ends the open mapping feeding this device, if any. Returns the ended mapping.</summary>
    Task<DeviceMapping?> EndMappingAsync();
}
