using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace IoTStack.IntegrationTests;

/// <summary>
/// The real AppHost process: Ctrl+C (SIGINT) leaves no process and no port behind, and a second AppHost on the same
/// ports fails at once with a message naming the busy port.
/// </summary>
public sealed class AppHostLifecycleTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"iotstack-apphost-{Guid.NewGuid():N}");
    private readonly string _secondState = Path.Combine(Path.GetTempPath(), $"iotstack-apphost-{Guid.NewGuid():N}");

    [Fact]
    public async Task Sigint_stops_every_child_and_frees_every_port_and_a_second_apphost_fails_on_the_busy_ports()
    {
        using var first = AppHostProcess.Start("--IoTStack:DynamicPorts=true", $"--IoTStack:StateDirectory={_state}");
        var dashboard = await first.DashboardUrl.WaitAsync(TimeSpan.FromMinutes(1));
        var resources = await WaitUntilHealthyAsync(dashboard, TimeSpan.FromMinutes(3));
        var apiPort = new Uri(resources.Single(r => r.GetProperty("name").GetString() == "api").GetProperty("endpoints")[0].GetString()!).Port;

        using (var second = AppHostProcess.Start(
            $"--IoTStack:StateDirectory={_secondState}", $"--Dashboard:Port={dashboard.Port}", $"--Ports:api:http={apiPort}",
            $"--Ports:ingest:http={FreePort()}", $"--Ports:ingest:mqtt={FreePort()}", $"--Ports:grafana:http={FreePort()}"))
        {
            Assert.NotEqual(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains($"Port {dashboard.Port} (dashboard) is already in use", second.Output, StringComparison.Ordinal);
            Assert.Contains($"Port {apiPort} (api http) is already in use", second.Output, StringComparison.Ordinal);
        }

        var children = ProcessTree.Descendants(first.Id);
        var ports = resources.SelectMany(r => r.GetProperty("endpoints").EnumerateArray()).Select(e => new Uri(e.GetString()!).Port).Append(dashboard.Port).ToList();
        Assert.NotEmpty(children);
        Assert.Contains(ports, IsListening);

        first.SendSignal("INT");

        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.DoesNotContain(children, ProcessTree.IsAlive);
        Assert.Empty(ProcessTree.Mentioning(_state));
        Assert.DoesNotContain(ports, IsListening);
    }

    public void Dispose()
    {
        foreach (var state in new[] { _state, _secondState }.Where(Directory.Exists))
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static async Task<List<JsonElement>> WaitUntilHealthyAsync(Uri dashboard, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = dashboard };
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var resources = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/resources", UriKind.Relative), deadline.Token)).EnumerateArray().ToList();
            if (resources.All(r => r.GetProperty("health").GetString() == "Healthy" || r.GetProperty("state").GetString() == "NotAvailable"))
            {
                return resources;
            }

            // The AppHost offers no push channel to outside processes; poll it with a deadline.
            await Task.Delay(250, deadline.Token);
        }
    }

    private static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
