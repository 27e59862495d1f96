using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace IoTStack.Hosting;

/// <summary>
/// Gives every endpoint of every replica a port before anything starts, so connection strings and environment
/// variables are known up front. Fixed ports can be overridden with <c>Ports:{resource}:{endpoint}</c>.
/// </summary>
internal static class PortAllocator
{
    // Linux picks a random free port for each bind to port 0, so a port just released can come back at once: with the
    // ~25 endpoints of a scaled-out stack, two of them shared a port in about one start out of fifty (measured).
    // Remembering every port this process handed out keeps them apart (across stacks started in one test process too).
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static void Allocate(IEnumerable<Resource> resources, IConfiguration configuration, bool dynamicPorts)
    {
        foreach (var resource in resources)
        {
            foreach (var endpoint in resource.Endpoints)
            {
                var fixedPort = dynamicPorts
                    ? null
                    : configuration.GetValue<int?>($"Ports:{resource.Name}:{endpoint.Name}") ?? endpoint.Port;
                endpoint.AllocatedPorts = Enumerable.Range(0, resource.Replicas)
                    .Select(replica => replica == 0 && fixedPort is int port ? port : GetFreePort())
                    .ToArray();
                endpoint.IsFixed = fixedPort is not null;
            }
        }
    }

    /// <summary>
    /// A port nothing listens on right now and that this process has not handed out before (the OS picks it; we
    /// release it for the resource to bind).
    /// </summary>
    public static int GetFreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
