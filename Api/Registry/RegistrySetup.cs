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
        builder.Services.AddSingleton<PhysicalDeviceStore>();
        builder.Services.AddSingleton<LogicalDeviceStore>();
        builder.Services.AddSingleton<MappingStore>();
        builder.Services.AddSingleton<SourceStore>();
        builder.Services.AddSingleton<RawMessageStore>();
        builder.Services.AddSingleton<SeriesReader>();
        builder.Services.AddSingleton<FetchRows>();
        return builder;
    }
}
