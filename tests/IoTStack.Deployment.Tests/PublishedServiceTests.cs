using System.Globalization;
using System.Net;
using IoTStack.Hosting;
using IoTStack.Testing;

namespace IoTStack.Deployment.Tests;

/// <summary>
/// The published folders run on their own. Every service applies migrations (and Silo/Ingest open RabbitMQ) at
/// start-up, so they get the harness's running PostgreSQL and RabbitMQ through the same variables the AppHost injects.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class PublishedServiceTests(IoTStackFixture fixture, PublishedServices published) : IClassFixture<PublishedServices>
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("silo", "IoTStack.Silo")]
    [InlineData("api", "IoTStack.Api")]
    [InlineData("ingest", "IoTStack.Ingest")]
    public async Task A_published_folder_starts_from_environment_variables_and_answers_alive(string service, string assembly)
    {
        using var process = PublishedProcess.Start(published.FolderOf(service), assembly, EnvironmentFor(service));
        using var client = new HttpClient { BaseAddress = process.HttpBaseAddress, Timeout = TimeSpan.FromSeconds(5) };

        Assert.Equal(HttpStatusCode.OK, await PollAliveAsync(client, process));
    }

    /// <summary>What the AppHost gives the service, with every listening port moved to a free one.</summary>
    private Dictionary<string, string?> EnvironmentFor(string service)
    {
        var environment = LaunchContext.ResolveEnvironment(fixture.Stack.Application.GetResource(service), replica: 0);
        foreach (var portVariable in environment.Keys.Where(IsListeningPort).ToList())
        {
            environment[portVariable] = PublishedProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        }

        environment.Remove("ASPNETCORE_URLS");
        if (service == "silo" && environment.ContainsKey("Orleans__ClusterId"))
        {
            // A cluster of its own: joining the harness's cluster would leave a dead silo in its membership table.
            environment["Orleans__ClusterId"] = $"published-{Guid.NewGuid():N}";
        }

        return environment;
    }

    private static bool IsListeningPort(string variable) =>
        variable is "Mqtt__Port" || variable.StartsWith("Orleans__Endpoints__", StringComparison.Ordinal);

    private static async Task<HttpStatusCode?> PollAliveAsync(HttpClient client, PublishedProcess process)
    {
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the host binds its port only after the hosted services (migrations) started.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        return null;
    }
}
