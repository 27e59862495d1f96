namespace IoTStack.Contracts.Devices;

/// <summary>The operator's list of unmapped physical devices; use key 0 (it is a stateless worker).</summary>
public interface IUnmappedDevicesGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<UnmappedDevice>> ListAsync(string? source);
}
