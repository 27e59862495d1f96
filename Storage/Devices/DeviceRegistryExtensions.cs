using IoTStack.Storage.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class DeviceRegistryExtensions
{
    /// <summary>Registers the device credential store and the physical device directory (needs AddIoTStackDatabase).</summary>
    public static TBuilder AddDeviceCredentials<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CredentialStore>();
        builder.Services.TryAddSingleton<PhysicalDeviceDirectory>();
        return builder;
    }
}
