using IoTStack.Contracts.Devices;
using IoTStack.Silo.Publishing;
using IoTStack.Silo.Storage;
using IoTStack.Silo.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace IoTStack.Silo.Tests.Grains;

/// <summary>A two-silo in-process Orleans cluster whose grains are backed by the in-memory fakes.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<FakeBackedSilo>()
        .AddClientBuilderConfigurator<LiveStreamClient>()
        .Build();

    public IGrainFactory Grains => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class FakeBackedSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .AddIoTStackGrainServices()
            .AddMemoryGrainStorage(SiloHostingExtensions.PubSubStore)
            .ConfigureServices(services => services
                .AddSingleton<IDeviceRegistry>(FakeStores.Devices)
                .AddSingleton<IMappingStore>(FakeStores.Devices)
                .AddSingleton<ISeriesStore>(FakeStores.Series)
                .AddSingleton<IDeviceActivity>(FakeStores.Activity)
                .AddSingleton<ILogicalTimeseriesPublisher>(FakeStores.Activity));
    }

    private sealed class LiveStreamClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(LiveSeries.ProviderName);
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterGroup : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
