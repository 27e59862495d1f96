using IoTStack.Api.Fetch;
using IoTStack.Api.Operations;
using IoTStack.Api.Registry;
using IoTStack.Api.Series;

namespace Microsoft.Extensions.Hosting;

public static class RegistrySetup
{
    /// <summary>The stores the API reads and writes in PostgreSQL.</summary>
    public static WebApplicationBuilder AddDeviceRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddDeviceRegistryStores();
        return builder;
    }

    public static IServiceCollection AddDeviceRegistryStores(this IServiceCollection services)
    {
        services.AddSingleton<PhysicalDeviceStore>();
        services.AddSingleton<LogicalDeviceStore>();
        services.AddSingleton<MappingStore>();
        services.AddSingleton<SourceStore>();
        services.AddSingleton<RawMessageStore>();
        services.AddSingleton<SeriesReader>();
        services.AddSingleton<FetchRows>();
        return services;
    }
}
