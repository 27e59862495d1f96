using IoTStack.Api.Devices;
using IoTStack.Api.Devices.Standalone;

namespace Microsoft.Extensions.Hosting;

public static class DeviceServicesSetup
{
    /// <summary>
    /// What the Silo provides (mappings, latest values, live telemetry, dead letters) and device tokens.
    /// Until the grain interfaces are merged the API runs standalone: mappings in SQL, latest values from the
    /// series table, an in-process telemetry feed, and dead letters / device tokens answering UNAVAILABLE.
    /// </summary>
    public static WebApplicationBuilder AddDeviceServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDeviceMappings, SqlDeviceMappings>();
        builder.Services.AddSingleton<ILatestValues, StoredLatestValues>();
        builder.Services.AddSingleton<InProcessTelemetryFeed>();
        builder.Services.AddSingleton<ITelemetryFeed>(services => services.GetRequiredService<InProcessTelemetryFeed>());
        builder.Services.AddSingleton<IDeadLetters, UnavailableDeadLetters>();
        builder.Services.AddSingleton<IDeviceTokens, UnavailableDeviceTokens>();
        return builder;
    }
}
