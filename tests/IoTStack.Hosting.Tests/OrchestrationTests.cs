namespace IoTStack.Hosting.Tests;

/// <summary>WaitFor ordering, crash restarts with backoff, and stopping, on harmless local processes.</summary>
public sealed class OrchestrationTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"iotstack-unit-{Guid.NewGuid():N}");
    private readonly CancellationTokenSource _deadline = new(Deadline);

    [Fact]
    public async Task A_resource_starts_only_once_what_it_waits_for_is_healthy()
    {
        var database = new FakeLauncher("sleep", "60");
        var service = new FakeLauncher("sleep", "60") { Healthy = true };
        var builder = CreateBuilder();
        var a = builder.AddResource(new FakeResource("database", database));
        builder.AddResource(new FakeResource("service", service)).WaitFor(a);
        await using var app = builder.Build();

        await app.StartAsync();
        await app.ResourceNotifications.WaitForAsync("database", s => s.State == ResourceState.Running && s.Health == ResourceHealth.Unhealthy, _deadline.Token);

        Assert.Equal(0, service.Prepared);
        Assert.Equal("waiting for database to be healthy", app.ResourceNotifications.Get("service").Reason);
        database.Healthy = true;
        var started = await app.ResourceNotifications.WaitForResourceHealthyAsync("service", _deadline.Token);
        Assert.Equal(ResourceState.Running, started.State);
    }

    [Fact]
    public async Task A_crashing_process_is_restarted_with_backoff_and_its_restarts_are_counted()
    {
        var builder = CreateBuilder();
        builder.AddResource(new FakeResource("crasher", new FakeLauncher("sh", "-c", "echo boom; exit 3")));
        await using var app = builder.Build();

        await app.StartAsync();
        var snapshot = await app.ResourceNotifications.WaitForAsync("crasher", s => s.Restarts >= 2, _deadline.Token);

        Assert.Equal(3, snapshot.Replicas[0].ExitCode);
        var log = app.GetLogs("crasher").Select(l => l.Text).ToList();
        Assert.Contains("boom", log);
        Assert.Contains(log, line => line.StartsWith("[apphost] restarting in 0.5 s", StringComparison.Ordinal));
        Assert.Contains(log, line => line.StartsWith("[apphost] restarting in 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_ends_every_replica_process_and_starting_brings_them_back()
    {
        var builder = CreateBuilder();
        builder.AddResource(new FakeResource("worker", new FakeLauncher("sleep", "60") { Healthy = true })).WithReplicas(2);
        await using var app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", _deadline.Token);
        var pids = app.GetReplicaProcessIds("worker").Select(p => p!.Value).ToList();

        await app.StopResourceAsync("worker");

        Assert.Equal(2, pids.Distinct().Count());
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}")));
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("worker").State);
        app.StartResource("worker");
        await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", _deadline.Token);
    }

    [Fact]
    public async Task A_replica_killed_without_restart_stays_down_until_started()
    {
        var builder = CreateBuilder();
        builder.AddResource(new FakeResource("silo", new FakeLauncher("sleep", "60") { Healthy = true })).WithReplicas(2);
        await using var app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("silo", _deadline.Token);

        app.KillReplica("silo", 1, restart: false);

        var snapshot = await app.ResourceNotifications.WaitForAsync("silo", s => s.Replicas[1].State == ResourceState.Exited, _deadline.Token);
        Assert.Equal(ResourceState.Running, snapshot.Replicas[0].State);
        Assert.Null(app.GetReplicaProcessIds("silo")[1]);
        Assert.Equal(0, snapshot.Restarts);
        app.StartReplica("silo", 1);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("silo", _deadline.Token);
    }

    [Fact]
    public async Task A_health_probe_failing_as_its_server_stops_does_not_fail_the_stop()
    {
        var builder = CreateBuilder();
        // Like PostgreSQL's probe: still connecting when the stop begins, it fails with its own error, not a cancellation.
        builder.AddResource(new FakeResource("database", new FakeLauncher("sleep", "60") { Probe = ProbeRefusedOnStopAsync }));
        await using var app = builder.Build();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForAsync("database", s => s.State == ResourceState.Running, _deadline.Token);

        await app.StopResourceAsync("database");

        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("database").State);
        Assert.Empty(Directory.GetFiles(Path.Combine(_state, "pids")));
    }

    [Fact]
    public async Task A_missing_executable_is_reported_as_failed_to_start()
    {
        var builder = CreateBuilder();
        builder.AddResource(new FakeResource("ghost", new FakeLauncher("/nonexistent/server")));
        await using var app = builder.Build();

        await app.StartAsync();

        var snapshot = await app.ResourceNotifications.WaitForAsync("ghost", s => s.State == ResourceState.FailedToStart, _deadline.Token);
        Assert.Contains("/nonexistent/server", snapshot.Reason, StringComparison.Ordinal);
    }

    private static async Task<bool> ProbeRefusedOnStopAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        throw new IOException("Connection refused");
    }

    public void Dispose()
    {
        _deadline.Dispose();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private DistributedApplicationBuilder CreateBuilder() =>
        DistributedApplication.CreateBuilder(["--IoTStack:DynamicPorts=true", $"--IoTStack:StateDirectory={_state}"]);
}
