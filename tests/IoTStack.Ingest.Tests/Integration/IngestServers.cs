using System.Net.Http.Json;
using IoTStack.Storage.Devices;
using Npgsql;
using RabbitMQ.Client;

namespace IoTStack.Ingest.Tests.Integration;

/// <summary>
/// The real stack for the integration tests: PostgreSQL, RabbitMQ and the Ingest service as separate processes on
/// the ingest helper's ports (PostgreSQL 56432, AMQP 56672-56680, MQTT 56883) and a free HTTP port; all stopped and
/// deleted afterwards. The tests share one stack (one xunit collection) because starting RabbitMQ takes ~10 s.
/// </summary>
public sealed class IngestServers : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "iotstack-ingest-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly PostgresServer _postgres;
    private readonly RabbitMqServer _rabbit;
    private IngestProcess? _ingest;

    public IngestServers()
    {
        _postgres = new PostgresServer(Path.Combine(_root, "pg"), Setting("IOTSTACK_INGEST_TEST_PG_PORT", 56432));
        _rabbit = new RabbitMqServer(Path.Combine(_root, "rabbitmq"), Setting("IOTSTACK_INGEST_TEST_AMQP_PORT", 56672), "ingest-test@localhost");
        MqttPort = Setting("IOTSTACK_INGEST_TEST_MQTT_PORT", 56883);
        HttpPort = IngestProcess.FreePort();
    }

    public int HttpPort { get; }

    public int MqttPort { get; }

    public HttpClient Http { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public CredentialStore Credentials { get; private set; } = null!;

    public ConnectionFactory Broker { get; } = new();

    public string IngestOutput => _ingest?.Output ?? string.Empty;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_postgres.StartAsync(), _rabbit.StartAsync());
        Broker.Uri = new Uri(_rabbit.Uri);
        Database = NpgsqlDataSource.Create(_postgres.ConnectionString("iotdb"));
        Credentials = new CredentialStore(Database, TimeProvider.System);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };

        _ingest = StartIngest(HttpPort, MqttPort, new Dictionary<string, string>
        {
            ["Ingest__DeviceRequestsPerSecond"] = "2000",
            ["Ingest__DeviceBurst"] = "2000",
        });
        await WaitUntilHealthyAsync();
    }

    public Task WaitUntilHealthyAsync() => WaitUntilHealthyAsync(_ingest!, Http);

    /// <summary>Another Ingest on the same servers with some settings changed (e.g. a low rate limit); the caller disposes it.</summary>
    public async Task<(IngestProcess Process, HttpClient Http)> StartExtraIngestAsync(Dictionary<string, string> settings)
    {
        var httpPort = IngestProcess.FreePort();
        var process = StartIngest(httpPort, IngestProcess.FreePort(), settings);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await WaitUntilHealthyAsync(process, http);
        return (process, http);
    }

    private IngestProcess StartIngest(int httpPort, int mqttPort, Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__iotdb"] = _postgres.ConnectionString("iotdb"),
            ["ConnectionStrings__messaging"] = _rabbit.Uri,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["Mqtt__Port"] = IngestProcess.Port(mqttPort),
            ["Ingest__MaxPayloadBytes"] = "65536",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var process = new IngestProcess(environment);
        process.Start();
        return process;
    }

    private static Task WaitUntilHealthyAsync(IngestProcess process, HttpClient http) => LocalProcess.WaitUntilAsync(async () =>
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException("Ingest exited:\n" + process.Output);
        }

        using var response = await http.GetAsync("/health");
        return response.IsSuccessStatusCode;
    }, TimeSpan.FromSeconds(60), "Ingest /health");

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

    public Task StopRabbitMqAsync() => _rabbit.StopAsync();

    public Task StopPostgresAsync() => _postgres.StopAsync();

    public async Task StartPostgresAsync()
    {
        await _postgres.RestartAsync();

        // The tests' own pooled connections died with the server.
        Database.Clear();
    }

    public Task StartRabbitMqAsync() => _rabbit.StartAsync();

    public static async Task<Guid> CorrelationIdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("correlation_id").GetGuid();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_ingest is not null)
        {
            await _ingest.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        await IgnoreFailure(_rabbit.StopForGoodAsync);
        await IgnoreFailure(_postgres.StopAsync);
        Directory.Delete(_root, recursive: true);
    }

    private static async Task IgnoreFailure(Func<Task> stop)
    {
        try
        {
            await stop();
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Already stopped (a test may have stopped it); clean-up goes on.
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}

[CollectionDefinition(Name)]
public sealed class IngestServersGroup : ICollectionFixture<IngestServers>
{
    public const string Name = "ingest servers";
}
