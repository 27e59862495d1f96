namespace IoTStack.Contracts.Devices;

/// <summary>A destination series (a tank, a weather station), keyed by logical uid; fed by physical devices over time.</summary>
public interface ILogicalDeviceGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Stores mapped messages' points; completes once all are committed. Called by physical device grains with every
    /// message of one AMQP delivery that maps here, so a busy device costs one call per delivery, not one per message.
    /// </summary>
    Task AppendAsync(IReadOnlyList<NormalisedMessage> messages);

    /// <summary>The latest value of every series name, from memory.</summary>
    Task<IReadOnlyList<SeriesPoint>> GetLatestValuesAsync();

    Task<DeviceMapping?> GetCurrentMappingAsync();

    Task<IReadOnlyList<DeviceMapping>> GetMappingHistoryAsync();

    /// <summary>Ends the open mapping feeding this device, if any. Returns the ended mapping.</summary>
    Task<DeviceMapping?> EndMappingAsync();
}
