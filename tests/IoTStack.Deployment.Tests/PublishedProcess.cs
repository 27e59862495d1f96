using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IoTStack.Deployment.Tests;

/// <summary>
/// A published service started the way a container starts it: <c>dotnet Service.dll</c> in its folder, configured
/// by environment variables only (no arguments, no inherited variables but the few the runtime needs).
/// </summary>
internal sealed class PublishedProcess : IDisposable
{
    private static readonly string[] RuntimeVariables = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR"];
    private readonly Process _process;

    private PublishedProcess(Process process, int httpPort)
    {
        _process = process;
        HttpBaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri HttpBaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public static PublishedProcess Start(string folder, string assembly, IReadOnlyDictionary<string, string?> environment)
    {
        var httpPort = FreePort();
        var start = new ProcessStartInfo("dotnet", $"{assembly}.dll") { WorkingDirectory = folder, UseShellExecute = false };
        start.Environment.Clear();
        foreach (var name in RuntimeVariables)
        {
            start.Environment[name] = Environment.GetEnvironmentVariable(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HTTP_PORTS"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PublishedProcess(Process.Start(start) ?? throw new InvalidOperationException($"{assembly} did not start."), httpPort);
    }

    /// <summary>A port nobody listens on now; the service binds it moments later.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
