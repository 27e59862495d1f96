namespace IoTStack.Contracts.Devices;

/// <summary>The mapping operations as IoTa's <c>map start</c> / <c>map end</c> name them, for callers such as the Api.</summary>
public static class MapDevices
{
    public static Task<DeviceMapping> StartAsync(IGrainFactory grains, long physicalUid, long logicalUid)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IPhysicalDeviceGrain>(physicalUid).MapToAsync(logicalUid);
    }

    public static Task<DeviceMapping?> EndForPhysicalAsync(IGrainFactory grains, long physicalUid)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IPhysicalDeviceGrain>(physicalUid).EndMappingAsync();
    }

    public static Task<DeviceMapping?> EndForLogicalAsync(IGrainFactory grains, long logicalUid)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ILogicalDeviceGrain>(logicalUid).EndMappingAsync();
    }
}
