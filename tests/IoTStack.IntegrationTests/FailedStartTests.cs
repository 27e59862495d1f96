using IoTStack.Testing;

namespace IoTStack.IntegrationTests;

/// <summary>
/// A stack that is not healthy in time (a fixture's InitializeAsync then fails) stops whatever it had started:
/// PostgreSQL, RabbitMQ and its epmd, and the services already running, so a failed run leaves nothing behind.
/// </summary>
public sealed class FailedStartTests : IDisposable
{
    // Our own state folder (the harness' is deleted with it), to look for what still mentions it afterwards.
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"iotstack-failed-start-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_stack_not_healthy_in_time_stops_every_process_it_started()
    {
        // Long enough for the servers to be started (PostgreSQL's initdb, RabbitMQ's node), too short for a cold stack to
        // become healthy: the fastest cold start measured on two cores took 9.4 s (12 s here once let it succeed).
        var options = new IoTStackTestOptions { StartTimeout = TimeSpan.FromSeconds(5), Arguments = [$"--IoTStack:StateDirectory={_state}"] };

        // Should the stack be healthy in time after all, it is disposed (stopped) before the assertion fails.
        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await (await IoTStackTestApplication.StartAsync(options)).DisposeAsync());

        Assert.Contains("postgres: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(ProcessTree.Mentioning(_state));
        // Each replica's pid file is removed once its process has been seen to end.
        var pids = Path.Combine(_state, "pids");
        Assert.Empty(Directory.Exists(pids) ? Directory.GetFiles(pids) : []);
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
