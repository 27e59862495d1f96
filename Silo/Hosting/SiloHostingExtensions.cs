using IoTStack.Contracts.Devices;
using IoTStack.Silo;
using IoTStack.Silo.Consumer;
using IoTStack.Silo.Publishing;
using IoTStack.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The grain storage name Orleans streams keep their subscriptions in.</summary>
    public const string PubSubStore = "PubSubStore";

    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Makes this process an Orleans silo. Cluster id, service id, endpoints, clustering, grain storage and reminders
    /// come from the <c>Orleans</c> configuration section (the AppHost injects <c>Orleans__*</c>); without a
    /// clustering section the silo runs a single-node localhost cluster for development.
    /// </summary>
    public static TBuilder AddIoTStackSilo<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var clusteringConfigured = builder.Configuration.GetSection("Orleans:Clustering").Exists();
        var database = builder.Configuration.GetConnectionString(StorageExtensions.DatabaseConnectionName);
        builder.UseOrleans(silo => silo
            .AddIoTStackGrainServices()
            // Stream subscriptions of Api clients must outlive the silo that happens to hold them.
            .AddAdoNetGrainStorage(PubSubStore, storage =>
            {
                storage.Invariant = NpgsqlInvariant;
                storage.ConnectionString = database;
            })
            .UseLocalhostClusteringUnless(clusteringConfigured));
        builder.Services.AddIoTStackDeviceStorage(builder.Configuration);
        return builder;
    }

    /// <summary>The live stream provider Api clients subscribe to (with the same name, see <see cref="LiveSeries"/>).</summary>
    public static ISiloBuilder AddIoTStackGrainServices(this ISiloBuilder silo) => silo.AddMemoryStreams(LiveSeries.ProviderName);

    /// <summary>The stores behind the grains: per-silo batched series writer, mapping store, registry, activity, publisher.</summary>
    public static IServiceCollection AddIoTStackDeviceStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiloPipelineOptions>(configuration.GetSection(SiloPipelineOptions.Section));
        services.AddSingleton<IDeviceRegistry, PostgresDeviceRegistry>();
        services.AddSingleton<IMappingStore, PostgresMappingStore>();
        services.AddSingleton<ISeriesStore, PostgresSeriesStore>();
        services.AddSingleton<ILogicalTimeseriesPublisher, RabbitLogicalTimeseriesPublisher>();
        services.AddSingleton<DeviceActivityBuffer>();
        services.AddSingleton<IDeviceActivity>(provider => provider.GetRequiredService<DeviceActivityBuffer>());
        services.AddHostedService<DeviceActivityFlusher>();
        services.AddHostedService<SeriesPartitionUpkeep>();
        return services;
    }

    /// <summary>The consumer of physical_timeseries. Added after the silo so it stops first on shutdown.</summary>
    public static TBuilder AddPhysicalTimeseriesConsumer<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<BatchDispatcher>();
        builder.Services.AddSingleton<IFailedMessageSink, FailedMessagePublisher>();
        builder.Services.AddSingleton<DeliverySettlement>();
        builder.Services.AddHostedService<PhysicalTimeseriesConsumer>();
        return builder;
    }

    private static ISiloBuilder UseLocalhostClusteringUnless(this ISiloBuilder silo, bool clusteringConfigured) =>
        clusteringConfigured ? silo : silo.UseLocalhostClustering();
}
