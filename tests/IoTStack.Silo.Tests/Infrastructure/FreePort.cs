using System.Net;
using System.Net.Sockets;

namespace IoTStack.Silo.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port the OS has just reported free.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
