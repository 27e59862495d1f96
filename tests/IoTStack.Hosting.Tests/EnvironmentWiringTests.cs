using System.Globalization;

namespace IoTStack.Hosting.Tests;

/// <summary>The variables each service gets, in Aspire's conventions, from the real AppHost topology.</summary>
public sealed class EnvironmentWiringTests : IDisposable
{
    private readonly AppHostTopology _topology = new("--IoTStack:DynamicPorts=true", "--Silo:Replicas=2");

    [Fact]
    public void Api_gets_the_iotdb_connection_string_with_the_generated_password_and_its_properties()
    {
        var env = _topology.EnvironmentOf("api");
        var password = File.ReadAllText(Path.Combine(_topology.StateDirectory, "parameters", "postgres-password"));
        var port = _topology.Port("postgres", "tcp");

        Assert.Equal($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=iotdb", env["ConnectionStrings__iotdb"]);
        Assert.Equal("127.0.0.1", env["IOTDB_HOST"]);
        Assert.Equal(port.ToString(CultureInfo.InvariantCulture), env["IOTDB_PORT"]);
        Assert.Equal("iotdb", env["IOTDB_DATABASENAME"]);
    }

    [Fact]
    public void Ingest_gets_messaging_as_an_amqp_uri_and_its_mqtt_port()
    {
        var env = _topology.EnvironmentOf("ingest");
        var password = File.ReadAllText(Path.Combine(_topology.StateDirectory, "parameters", "messaging-password"));

        Assert.Equal($"amqp://iotstack:{password}@127.0.0.1:{_topology.Port("messaging", "tcp")}", env["ConnectionStrings__messaging"]);
        Assert.Equal(_topology.Port("ingest", "mqtt").ToString(CultureInfo.InvariantCulture), env["Mqtt__Port"]);
        Assert.Equal($"http://localhost:{_topology.Port("ingest", "http")}", env["ASPNETCORE_URLS"]);
    }

    [Fact]
    public void Each_silo_replica_gets_its_own_urls_and_orleans_ports_and_the_adonet_providers()
    {
        var first = _topology.EnvironmentOf("silo", 0);
        var second = _topology.EnvironmentOf("silo", 1);

        Assert.NotEqual(first["ASPNETCORE_URLS"], second["ASPNETCORE_URLS"]);
        Assert.NotEqual(first["Orleans__Endpoints__SiloPort"], second["Orleans__Endpoints__SiloPort"]);
        Assert.NotEqual(first["Orleans__Endpoints__GatewayPort"], second["Orleans__Endpoints__GatewayPort"]);
        Assert.Equal(first["Orleans__ClusterId"], second["Orleans__ClusterId"]);
        foreach (var section in new[] { "Clustering", "Reminders", "GrainStorage__Default" })
        {
            Assert.Equal("AdoNet", first[$"Orleans__{section}__ProviderType"]);
            Assert.Equal("Npgsql", first[$"Orleans__{section}__Invariant"]);
            Assert.Equal("iotdb", first[$"Orleans__{section}__ConnectionName"]);
        }
    }

    [Fact]
    public void Api_is_an_orleans_client_of_the_same_cluster_without_silo_ports()
    {
        var api = _topology.EnvironmentOf("api");
        var silo = _topology.EnvironmentOf("silo");

        Assert.Equal(silo["Orleans__ClusterId"], api["Orleans__ClusterId"]);
        Assert.Equal(silo["Orleans__ServiceId"], api["Orleans__ServiceId"]);
        Assert.Equal("AdoNet", api["Orleans__Clustering__ProviderType"]);
        Assert.False(api.ContainsKey("Orleans__Endpoints__SiloPort"));
        Assert.False(api.ContainsKey("Orleans__Reminders__ProviderType"));
    }

    [Fact]
    public void Services_get_their_otel_identity_but_no_exporter_endpoint_unless_the_apphost_has_one()
    {
        var api = _topology.EnvironmentOf("api");

        Assert.Equal("api", api["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=api-0", api["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.False(api.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));

        using var withCollector = new AppHostTopology("--IoTStack:DynamicPorts=true", "--OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317");
        Assert.Equal("http://localhost:4317", withCollector.EnvironmentOf("api")["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public void Grafana_gets_a_read_only_login_and_the_repository_dashboards_never_the_owner()
    {
        var env = _topology.EnvironmentOf("grafana");
        var password = File.ReadAllText(Path.Combine(_topology.StateDirectory, "parameters", "grafana-login-password"));

        Assert.Equal("iotstack_grafana", env["IOTSTACK_DB_USER"]);
        Assert.Equal(password, env["IOTSTACK_DB_PASSWORD"]);
        Assert.Equal("iotdb", env["IOTSTACK_DB_NAME"]);
        Assert.Equal(_topology.Port("postgres", "tcp").ToString(CultureInfo.InvariantCulture), env["IOTSTACK_DB_PORT"]);
        Assert.EndsWith("/Grafana/dashboards", env["IOTSTACK_DASHBOARDS_PATH"], StringComparison.Ordinal);
        Assert.DoesNotContain(env.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Api_gets_a_persistent_signing_key_and_first_admin_password()
    {
        var env = _topology.EnvironmentOf("api");

        Assert.True(env["Auth__SigningKey"]!.Length >= 32);
        Assert.Equal(File.ReadAllText(Path.Combine(_topology.StateDirectory, "parameters", "api-signing-key")), env["Auth__SigningKey"]);
        Assert.Equal(File.ReadAllText(Path.Combine(_topology.StateDirectory, "parameters", "api-admin-password")), env["Auth__AdminPassword"]);
    }

    [Fact]
    public void Dependencies_are_declared_as_in_the_architecture()
    {
        Assert.Equal(["iotdb", "messaging"], _topology["silo"].WaitsFor.Select(r => r.Name));
        Assert.Equal(["silo"], _topology["api"].WaitsFor.Select(r => r.Name));
        Assert.Equal(["silo"], _topology["ingest"].WaitsFor.Select(r => r.Name));
        Assert.Equal(2, _topology["silo"].Replicas);
    }

    public void Dispose() => _topology.Dispose();
}
