namespace IoTStack.Hosting.Tests;

/// <summary>Container mode cannot run on our machines (no engine), so its command lines are checked here.</summary>
public sealed class ContainerCommandTests : IDisposable
{
    private readonly AppHostTopology _topology = new("--IoTStack:DynamicPorts=true", "--IoTStack:Containers=true");

    [Fact]
    public void Postgres_runs_the_official_image_with_its_port_volume_and_password_kept_off_the_command_line()
    {
        var postgres = (PostgresServerResource)_topology["postgres"];

        var run = ContainerRunCommand.Build("docker", postgres, postgres.GetContainerSpec(), "iotstack-postgres-1", "/state/postgres");

        Assert.Equal("docker", run.FileName);
        Assert.Equal(
            ["run", "--rm", "--name", "iotstack-postgres-1",
             "-p", $"127.0.0.1:{_topology.Port("postgres", "tcp")}:5432",
             "-e", "POSTGRES_HOST_AUTH_METHOD", "-e", "POSTGRES_INITDB_ARGS", "-e", "POSTGRES_PASSWORD", "-e", "POSTGRES_USER",
             "-v", "/state/postgres/postgres-data:/var/lib/postgresql/data",
             "docker.io/library/postgres:17.6"],
            run.Arguments);
        Assert.Equal(postgres.Password.GetValue(), run.Environment["POSTGRES_PASSWORD"]);
        Assert.DoesNotContain(run.Arguments, a => a.Contains(postgres.Password.GetValue(), StringComparison.Ordinal));
    }

    [Fact]
    public void RabbitMQ_with_management_runs_the_management_image_and_publishes_both_ports()
    {
        var messaging = (RabbitMQServerResource)_topology["messaging"];

        var run = ContainerRunCommand.Build("podman", messaging, messaging.GetContainerSpec(), "iotstack-messaging-1", "/state/messaging");

        Assert.Equal("podman", run.FileName);
        Assert.Equal("docker.io/library/rabbitmq:4.2-management", run.Arguments[^1]);
        Assert.Contains($"127.0.0.1:{_topology.Port("messaging", "tcp")}:5672", run.Arguments);
        Assert.Contains($"127.0.0.1:{_topology.Port("messaging", "management")}:15672", run.Arguments);
        Assert.Equal("iotstack", run.Environment["RABBITMQ_DEFAULT_USER"]);
        Assert.Contains("/state/messaging/messaging-data:/var/lib/rabbitmq", run.Arguments);
    }

    [Fact]
    public void Grafana_mounts_the_repository_provisioning_read_only()
    {
        var grafana = (GrafanaResource)_topology["grafana"];

        var run = ContainerRunCommand.Build("docker", grafana, grafana.GetContainerSpec(), "iotstack-grafana-1", "/state/grafana");

        var provisioning = Path.GetFullPath(Path.Combine(_topology.Application.Options.AppHostDirectory, "../Grafana/provisioning"));
        Assert.Contains($"{provisioning}:/etc/grafana/provisioning:ro", run.Arguments);
        Assert.Contains("GF_SECURITY_ADMIN_PASSWORD", run.Arguments);
        Assert.Equal("false", run.Environment["GF_AUTH_ANONYMOUS_ENABLED"]);
    }

    [Fact]
    public void A_container_is_stopped_by_name_with_a_grace_period()
    {
        var stop = ContainerRunCommand.Stop("docker", "iotstack-postgres-1");

        Assert.Equal(["stop", "--time", "10", "iotstack-postgres-1"], stop.Arguments);
    }

    [Fact]
    public void Container_mode_is_chosen_only_when_asked_for()
    {
        using var local = new AppHostTopology("--IoTStack:DynamicPorts=true");

        Assert.True(_topology.Application.Options.UseContainers);
        Assert.False(local.Application.Options.UseContainers);
    }

    public void Dispose() => _topology.Dispose();
}
