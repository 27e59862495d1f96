using System.Security.Cryptography;
using IoTStack.Api.GraphQL;
using IoTStack.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>
/// The Api hosted inside the test process against the stack's database, for what a test can only observe from
/// inside: the SQL commands a request runs, and the in-process telemetry feed behind a WebSocket subscription.
/// </summary>
public sealed class InProcessApi : IDisposable
{
    private readonly Lock gate = new();
    private WebApplicationFactory<IoTStackSchema>? factory;

    public WebApplicationFactory<IoTStackSchema> For(IoTStackTestApplication stack)
    {
        lock (gate)
        {
            if (factory is null)
            {
                var connectionString = stack.GetConnectionStringAsync("iotdb").AsTask().GetAwaiter().GetResult();
                factory = new WebApplicationFactory<IoTStackSchema>().WithWebHostBuilder(host => host
                    .UseSetting("ConnectionStrings:iotdb", connectionString)
                    .UseSetting("Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)))
                    .UseSetting("Logging:LogLevel:Default", "Warning"));
                _ = factory.Server; // starts the host now, so a broken start fails here
            }

            return factory;
        }
    }

    public void Dispose() => factory?.Dispose();
}
