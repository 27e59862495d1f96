using IoTStack.Hosting;
using IoTStack.Simulator;
using IoTStack.Testing;

namespace IoTStack.Benchmark;

/// <summary>
/// The stack as users run it: the AppHost's own topology (Program.cs of IoTStack.AppHost) on dynamic ports with a
/// throwaway state folder, started through the test harness so this process owns and stops every server.
/// </summary>
public sealed class StackUnderTest : IAsyncDisposable
{
    private readonly IoTStackTestApplication _application;
    private readonly HttpClient _api;

    private StackUnderTest(IoTStackTestApplication application, string database, string messaging)
    {
        _application = application;
        _api = new HttpClient { BaseAddress = application.GetEndpoint("api", "http") };
        DatabaseConnectionString = database;
        MessagingConnectionString = messaging;
        var mqtt = application.GetEndpoint("ingest", "mqtt");
        var http = application.GetEndpoint("ingest", "http");
        SimulatorOptions = new SimulatorOptions { Host = mqtt.Host, MqttPort = mqtt.Port, HttpPort = http.Port, MaxInFlightPerDevice = 256 };
    }

    public string DatabaseConnectionString { get; }
    public string MessagingConnectionString { get; }
    public Uri DashboardUrl => _application.DashboardUrl;
    public SimulatorOptions SimulatorOptions { get; }

    public static async Task<StackUnderTest> StartAsync(int siloReplicas, CancellationToken cancellationToken)
    {
        var application = await IoTStackTestApplication.StartAsync(new IoTStackTestOptions { SiloReplicas = siloReplicas }, cancellationToken);
        return new StackUnderTest(application, await application.GetConnectionStringAsync("iotdb"), await application.GetConnectionStringAsync("messaging"));
    }

    /// <summary>Registers devices through the Api as the first admin (the password the AppHost generated), as a user would.</summary>
    public async Task<IReadOnlyList<SimulatedDevice>> RegisterDevicesAsync(int count, string prefix, bool mapToLogical, CancellationToken cancellationToken)
    {
        var password = ((ParameterResource)_application.Application.GetResource("api-admin-password")).GetValue();
        var api = await ApiSession.SignInAsync(_api, "admin", password, cancellationToken);
        return await ApiRegistrar.RegisterAsync(api, count, prefix, mapToLogical, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _application.DisposeAsync();
    }
}
