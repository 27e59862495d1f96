using System.Net;
using System.Net.Sockets;

namespace IoTStack.Hosting.Tests;

/// <summary>Fixed, documented, overridable user-facing ports; free ports for everything else.</summary>
public sealed class PortTests
{
    [Fact]
    public void User_facing_endpoints_use_their_documented_ports_and_the_rest_free_ones()
    {
        using var topology = new AppHostTopology();

        Assert.Equal(5080, topology.Port("api", "http"));
        Assert.Equal(5081, topology.Port("ingest", "http"));
        Assert.Equal(1883, topology.Port("ingest", "mqtt"));
        Assert.Equal(3000, topology.Port("grafana", "http"));
        Assert.Equal(HostingOptions.DefaultDashboardPort, topology.Application.Options.DashboardPort);
        Assert.NotEqual(5432, topology.Port("postgres", "tcp"));
    }

    [Fact]
    public void A_fixed_port_can_be_overridden_from_the_command_line()
    {
        using var topology = new AppHostTopology("--Ports:api:http=6080", "--Dashboard:Port=19999");

        Assert.Equal(6080, topology.Port("api", "http"));
        Assert.Equal(19999, topology.Application.Options.DashboardPort);
    }

    [Fact]
    public void Dynamic_ports_mode_ignores_every_fixed_port()
    {
        using var topology = new AppHostTopology("--IoTStack:DynamicPorts=true");

        Assert.NotEqual(5080, topology.Port("api", "http"));
        Assert.Equal(0, topology.Application.Options.DashboardPort);
    }

    [Fact]
    public async Task Starting_on_a_busy_fixed_port_fails_at_once_naming_the_port_and_its_override()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var topology = new AppHostTopology(
            $"--Ports:api:http={port}", $"--Ports:ingest:http={Free()}", $"--Ports:ingest:mqtt={Free()}",
            $"--Ports:grafana:http={Free()}", $"--Dashboard:Port={Free()}");

        var error = await Assert.ThrowsAsync<PortInUseException>(() => topology.Application.StartAsync());

        Assert.Contains($"Port {port} (api http) is already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("--Ports:api:http=<port>", error.Message, StringComparison.Ordinal);
        Assert.Null(topology.Application.DashboardUrl);
    }

    [Fact]
    public void Three_silos_and_two_Ingest_replicas_each_get_ports_no_other_endpoint_uses()
    {
        using var topology = new AppHostTopology("--IoTStack:DynamicPorts=true", "--Silo:Replicas=3", "--Ingest:Replicas=2");

        var ports = topology.Application.Resources
            .SelectMany(resource => resource.Endpoints.SelectMany(endpoint => Enumerable.Range(0, resource.Replicas).Select(endpoint.GetPort)))
            .ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        var siloPorts = Enumerable.Range(0, 3).Select(replica => topology.EnvironmentOf("silo", replica)["Orleans__Endpoints__SiloPort"]);
        Assert.Equal(Enumerable.Range(0, 3).Select(replica => $"{topology.Port("silo", "orleans-silo", replica)}"), siloPorts);
    }

    [Fact]
    public void A_free_port_is_never_handed_out_twice_although_the_OS_repeats_released_ones()
    {
        var ports = Enumerable.Range(0, 1000).Select(_ => PortAllocator.GetFreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    private static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
