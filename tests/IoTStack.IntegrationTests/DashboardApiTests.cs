using System.Net.Http.Json;
using System.Text.Json;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests;

/// <summary><c>GET /api/resources</c> on the dashboard describes every resource with its live state.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class DashboardApiTests(IoTStackFixture fixture)
{
    private static readonly string[] States = ["Starting", "Running", "Exited", "FailedToStart", "NotAvailable"];
    private static readonly string[] Healths = ["Healthy", "Unhealthy", "Unknown"];
    private readonly IoTStackTestApplication _stack = fixture.Stack;

    [Fact]
    public async Task Lists_every_resource_with_name_kind_state_health_and_endpoints()
    {
        var resources = await GetResourcesAsync();

        Assert.Equal(["postgres", "iotdb", "messaging", "silo", "api", "ingest", "grafana"], resources.Select(r => r.GetProperty("name").GetString()));
        foreach (var resource in resources)
        {
            Assert.Contains(resource.GetProperty("state").GetString(), States);
            Assert.Contains(resource.GetProperty("health").GetString(), Healths);
            Assert.Equal(JsonValueKind.String, resource.GetProperty("kind").ValueKind);
            Assert.Equal(JsonValueKind.Array, resource.GetProperty("endpoints").ValueKind);
        }
    }

    [Fact]
    public async Task Shows_each_service_running_healthy_with_its_url_and_process_id()
    {
        var api = (await GetResourcesAsync()).Single(r => r.GetProperty("name").GetString() == "api");

        Assert.Equal("Project", api.GetProperty("kind").GetString());
        Assert.Equal("Running", api.GetProperty("state").GetString());
        Assert.Equal("Healthy", api.GetProperty("health").GetString());
        Assert.Equal(_stack.GetEndpoint("api").ToString().TrimEnd('/'), api.GetProperty("endpoints")[0].GetString());
        Assert.Equal(_stack.GetReplicaProcessIds("api")[0], api.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task Serves_each_resource_console_log()
    {
        using var client = new HttpClient { BaseAddress = _stack.DashboardUrl };

        var log = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/resources/postgres/logs?after=0", UriKind.Relative));

        var lines = log.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains(lines, line => line!.Contains("database system is ready to accept connections", StringComparison.Ordinal));
    }

    private async Task<List<JsonElement>> GetResourcesAsync()
    {
        using var client = new HttpClient { BaseAddress = _stack.DashboardUrl };
        var resources = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/resources", UriKind.Relative));
        return resources.EnumerateArray().ToList();
    }
}
