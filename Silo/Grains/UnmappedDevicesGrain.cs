using IoTStack.Contracts.Devices;
using IoTStack.Silo.Storage;
using Orleans.Concurrency;

namespace IoTStack.Silo.Grains;

/// <summary>Lists unmapped devices from the registry; a stateless worker, so any silo answers locally.</summary>
[StatelessWorker]
public sealed class UnmappedDevicesGrain(IDeviceRegistry registry) : Grain, IUnmappedDevicesGrain
{
    public Task<IReadOnlyList<UnmappedDevice>> ListAsync(string? source) => registry.ListUnmappedAsync(source);
}
