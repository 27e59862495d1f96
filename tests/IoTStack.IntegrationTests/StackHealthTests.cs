using System.Net;
using IoTStack.Hosting;
using IoTStack.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests;

/// <summary>The harness brings the real servers and services to healthy and hands out working connections.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class StackHealthTests(IoTStackFixture fixture)
{
    private readonly IoTStackTestApplication _stack = fixture.Stack;

    [Theory]
    [InlineData("postgres")]
    [InlineData("iotdb")]
    [InlineData("messaging")]
    [InlineData("silo")]
    [InlineData("api")]
    [InlineData("ingest")]
    public void Every_resource_that_can_run_here_is_running_and_healthy(string name)
    {
        var resource = _stack.GetResourceState(name);

        Assert.Equal(ResourceState.Running, resource.State);
        Assert.Equal(ResourceHealth.Healthy, resource.Health);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("ingest")]
    [InlineData("silo")]
    public async Task Services_answer_their_health_endpoint(string name)
    {
        using var client = _stack.CreateHttpClient(name);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_iotdb_connection_string_reaches_the_iotdb_database()
    {
        await using var connection = new NpgsqlConnection(await _stack.GetConnectionStringAsync("iotdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.Equal("iotdb", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_messaging_connection_string_opens_an_amqp_connection()
    {
        var factory = new ConnectionFactory { Uri = new Uri(await _stack.GetConnectionStringAsync("messaging")) };

        await using var connection = await factory.CreateConnectionAsync();

        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task The_grafana_login_reads_iotdb_holding_only_the_reader_role()
    {
        var grafana = LaunchContext.ResolveEnvironment(_stack.Application.GetResource("grafana"), 0);
        var connectionString = new NpgsqlConnectionStringBuilder(await _stack.GetConnectionStringAsync("iotdb"))
        {
            Username = grafana["IOTSTACK_DB_USER"],
            Password = grafana["IOTSTACK_DB_PASSWORD"],
        };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pg_has_role(current_user, 'iotstack_reader', 'member'), rolsuper, rolcreatedb FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.True(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.False(reader.GetBoolean(2));
    }

    [Fact]
    public void The_mqtt_endpoint_is_a_free_dynamic_port_not_1883()
    {
        var mqtt = _stack.GetEndpoint("ingest", "mqtt");

        Assert.Equal("tcp", mqtt.Scheme);
        Assert.NotEqual(1883, mqtt.Port);
    }

    [Fact]
    public void Grafana_is_shown_as_not_available_with_how_to_install_it()
    {
        var grafana = _stack.GetResourceState("grafana");

        Assert.Equal(ResourceState.NotAvailable, grafana.State);
        Assert.Contains("apt-get install", grafana.Reason, StringComparison.Ordinal);
    }
}
