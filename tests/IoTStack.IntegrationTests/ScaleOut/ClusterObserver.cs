using IoTStack.Contracts.Devices;
using IoTStack.Hosting;
using IoTStack.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>
/// An Orleans client on the test stack's cluster, joined the way the Api joins it (cluster id from the AppHost,
/// gateways from the PostgreSQL membership table), asking Orleans' management grain where grains are active.
/// </summary>
public sealed class ClusterObserver : IAsyncDisposable
{
    private const string ClusterResource = "iot-cluster";
    private readonly IHost _host;

    private ClusterObserver(IHost host) => _host = host;

    private IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    private IManagementGrain Management => Client.GetGrain<IManagementGrain>(0);

    public static async Task<ClusterObserver> ConnectAsync(IoTStackTestApplication stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var cluster = (OrleansService)stack.Application.GetResource(ClusterResource);
        var database = await stack.GetConnectionStringAsync("iotdb");
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", database))
                .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.ClusterId.GetValue(), cluster.ServiceId.GetValue())))
            .Build();
        await host.StartAsync();
        return new ClusterObserver(host);
    }

    /// <summary>The silos Orleans counts as active members.</summary>
    public async Task<IReadOnlyList<SiloAddress>> ActiveSilosAsync() => [.. (await Management.GetHosts(onlyActive: true)).Keys];

    /// <summary>The silo each physical device grain is active on; devices without an activation are left out.</summary>
    public async Task<IReadOnlyDictionary<long, SiloAddress>> PhysicalDeviceSilosAsync(IEnumerable<long> physicalUids)
    {
        var lookups = physicalUids.Select(async uid => (uid, silo: await Management.GetActivationAddress(Client.GetGrain<IPhysicalDeviceGrain>(uid))));
        return (await Task.WhenAll(lookups)).Where(found => found.silo is not null).ToDictionary(found => found.uid, found => found.silo!);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
