using System.Net.Http.Json;
using IoTStack.Storage.Devices;
using IoTStack.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests.Ingest;

/// <summary>
/// What the Ingest tests need from the running stack: Ingest's HTTP and MQTT endpoints, registered devices with
/// tokens, a tap on physical_timeseries, the raw_messages rows, and RabbitMQ/PostgreSQL restarts.
/// One per test (xunit makes a test class instance per test); disposing it closes its connections.
/// </summary>
public sealed class IngestKit : IDisposable
{
    private readonly IoTStackTestApplication _stack;

    public IngestKit(IoTStackTestApplication stack)
    {
        _stack = stack;
        Http = stack.CreateHttpClient("ingest");
        HttpPort = Http.BaseAddress!.Port;
        MqttPort = stack.GetEndpoint("ingest", "mqtt").Port;
        Database = NpgsqlDataSource.Create(stack.GetConnectionStringAsync("iotdb").AsTask().GetAwaiter().GetResult());
        Credentials = new CredentialStore(Database, TimeProvider.System);
        Broker = new ConnectionFactory { Uri = new Uri(stack.GetConnectionStringAsync("messaging").AsTask().GetAwaiter().GetResult()) };
    }

    public HttpClient Http { get; }

    public int HttpPort { get; }

    public int MqttPort { get; }

    public NpgsqlDataSource Database { get; }

    public CredentialStore Credentials { get; }

    public ConnectionFactory Broker { get; }

    /// <summary>A new physical device (source http) with a fresh token.</summary>
    public async Task<TestDevice> NewDeviceAsync(string? name = null)
    {
        name ??= "dev-" + Guid.NewGuid().ToString("N")[..10];
        await using var command = Database.CreateCommand("INSERT INTO physical_devices (source, name) VALUES ('http', $1) RETURNING uid");
        command.Parameters.Add(new() { Value = name });
        var uid = (long)(await command.ExecuteScalarAsync())!;
        var token = await Credentials.IssueDeviceTokenAsync(uid, "integration test", null, CancellationToken.None);
        return new TestDevice(uid, name, token.Secret, token.Id);
    }

    /// <summary>A durable queue on physical_timeseries. Ingest publishes as mandatory, so it needs a bound queue to accept.</summary>
    public async Task<TimeseriesTap> TapAsync()
    {
        var tap = new TimeseriesTap(Broker);
        await tap.StartAsync();
        return tap;
    }

    public async Task<IReadOnlyList<RawRow>> RawMessagesAsync(string where, params object[] parameters)
    {
        await using var command = Database.CreateCommand(
            $"SELECT correlation_id, source, physical_uid, device, topic, status, reason, payload FROM raw_messages WHERE {where} ORDER BY received_at");
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<RawRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new RawRow(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), (byte[])reader[7]));
        }

        return rows;
    }

    public Task StopRabbitMqAsync() => _stack.StopResourceAsync("messaging");

    public Task StartRabbitMqAsync() => _stack.StartResourceAsync("messaging");

    public Task StopPostgresAsync() => _stack.StopResourceAsync("postgres");

    public async Task StartPostgresAsync()
    {
        await _stack.StartResourceAsync("postgres");

        // This kit's pooled connections died with the server.
        Database.Clear();
    }

    public static async Task<Guid> CorrelationIdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("correlation_id").GetGuid();
    }

    public void Dispose()
    {
        Http.Dispose();
        Database.Dispose();
    }
}
