using IoTStack.Api.Devices;
using IoTStack.Api.Devices.Standalone;

namespace Microsoft.Extensions.Hosting;

public static class DeviceServicesSetup
{
    /// <summary>
    /// What the Silo provides (mappings, latest values, live telemetry, dead letters) and device tokens.
    /// Device tokens come from the shared credential store (Storage/Devices). Until the grain interfaces are merged
    /// the rest runs standalone: mappings in SQL, latest values from the series table, an in-process telemetry feed,
    /// and dead letters answering UNAVAILABLE.
    /// </summary>
    public static WebApplicationBuilder AddDeviceServices(this WebApplicationBuilder builder)
    {
        builder.AddDeviceCredentials();
        builder.Services.AddStandaloneDeviceServices();
        return builder;
    }

    public static IServiceCollection AddStandaloneDeviceServices(this IServiceCollection services)
    {
        services.AddSingleton<IDeviceMappings, SqlDeviceMappings>();
        services.AddSingleton<ILatestValues, StoredLatestValues>();
        services.AddSingleton<InProcessTelemetryFeed>();
        services.AddSingleton<ITelemetryFeed>(provider => provider.GetRequiredService<InProcessTelemetryFeed>());
        services.AddSingleton<IDeadLetters, UnavailableDeadLetters>();
        services.AddSingleton<IDeviceTokens, CredentialDeviceTokens>();
        return services;
    }
}
