using IoTStack.Api.Devices;
using IoTStack.Api.Devices.Silo;
using IoTStack.Api.Devices.Standalone;
using IoTStack.Contracts.Devices;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class DeviceServicesSetup
{
    private const string OrleansClustering = "Orleans:Clustering";
    private const string MessagingConnection = "messaging";

    /// <summary>
    /// What the Silo provides and the API reaches through the Orleans client (the AppHost injects <c>Orleans__*</c>):
    /// mappings through the device grains, latest values from the logical device grain, live telemetry from its
    /// stream. Dead letters through RabbitMQ when a <c>messaging</c> connection is given. Device tokens from the
    /// shared credential store. Without an Orleans cluster the API runs standalone (see <see cref="AddStandaloneDeviceServices"/>).
    /// </summary>
    public static WebApplicationBuilder AddDeviceServices(this WebApplicationBuilder builder)
    {
        builder.AddDeviceCredentials();
        builder.Services.AddSingleton<IDeviceTokens, CredentialDeviceTokens>();
        if (builder.Configuration.GetSection(OrleansClustering).Exists())
        {
            builder.UseOrleansClient(client => client.AddMemoryStreams(LiveSeries.ProviderName));
            builder.Services.AddSingleton<IDeviceMappings, GrainDeviceMappings>();
            builder.Services.AddSingleton<ILatestValues, GrainLatestValues>();
            builder.Services.AddSingleton<ITelemetryFeed, OrleansTelemetryFeed>();
        }
        else
        {
            builder.Services.AddStandaloneDeviceServices();
        }

        if (builder.Configuration.GetConnectionString(MessagingConnection) is not null)
        {
            builder.AddIoTStackMessaging();
            builder.Services.AddSingleton<IDeadLetters, RabbitDeadLetters>();
        }
        else
        {
            builder.Services.AddSingleton<IDeadLetters, UnavailableDeadLetters>();
        }

        return builder;
    }

    /// <summary>
    /// For an API without a Silo (development, the in-process test host): mappings written in SQL, latest values read
    /// from the series table, an in-process telemetry feed that only tests publish to.
    /// </summary>
    public static IServiceCollection AddStandaloneDeviceServices(this IServiceCollection services)
    {
        services.AddSingleton<IDeviceMappings, SqlDeviceMappings>();
        services.AddSingleton<ILatestValues, StoredLatestValues>();
        services.AddSingleton<InProcessTelemetryFeed>();
        services.AddSingleton<ITelemetryFeed>(provider => provider.GetRequiredService<InProcessTelemetryFeed>());
        services.TryAddSingleton<IDeadLetters, UnavailableDeadLetters>();
        return services;
    }
}
