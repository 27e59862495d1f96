using System.Net;
using System.Net.Sockets;

namespace IoTStack.Hosting;

/// <summary>Fails fast, naming the port, when a fixed port is taken (typically by a second AppHost).</summary>
internal static class PortAvailability
{
    public static void EnsureFree(IEnumerable<(int Port, string Owner, string OverrideHint)> ports)
    {
        var busy = ports.Where(p => !IsFree(p.Port)).ToList();
        if (busy.Count > 0)
        {
            throw new PortInUseException(string.Join(Environment.NewLine, busy.Select(p =>
                $"Port {p.Port} ({p.Owner}) is already in use, probably by another IoTStack AppHost. " +
                $"Stop it, or choose another port with {p.OverrideHint}=<port>.")));
        }
    }

    public static bool IsFree(int port)
    {
        // Probe the wildcard address: a listener on 0.0.0.0 or on 127.0.0.1 both make this fail.
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

public sealed class PortInUseException(string message) : Exception(message);
