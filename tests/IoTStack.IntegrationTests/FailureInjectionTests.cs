using IoTStack.Hosting;
using IoTStack.Testing;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests;

/// <summary>What other test suites rely on: killing a replica and restarting RabbitMQ, with the stack recovering.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class FailureInjectionTests(IoTStackFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly IoTStackTestApplication _stack = fixture.Stack;

    [Fact]
    public async Task A_killed_silo_is_restarted_with_a_new_process_and_the_restart_is_counted()
    {
        var before = _stack.GetResourceState("silo");

        _stack.KillReplica("silo");

        using var deadline = new CancellationTokenSource(Deadline);
        var after = await _stack.WaitForResourceAsync("silo",
            s => s.Restarts > before.Restarts && s.Health == ResourceHealth.Healthy && s.ProcessId != before.ProcessId, deadline.Token);
        Assert.NotNull(after.ProcessId);
        Assert.False(ProcessExists(before.ProcessId!.Value));
    }

    [Fact]
    public async Task RabbitMQ_restarts_on_the_same_port_and_its_clients_recover()
    {
        var uri = new Uri(await _stack.GetConnectionStringAsync("messaging"));

        await _stack.StopResourceAsync("messaging");
        Assert.Equal(ResourceState.Exited, _stack.GetResourceState("messaging").State);
        await Assert.ThrowsAnyAsync<Exception>(() => new ConnectionFactory { Uri = uri }.CreateConnectionAsync());

        using var deadline = new CancellationTokenSource(Deadline);
        await _stack.StartResourceAsync("messaging", deadline.Token);
        await using var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync(deadline.Token);
        Assert.True(connection.IsOpen);
        await _stack.WaitForResourceHealthyAsync("silo", deadline.Token);
        await _stack.WaitForResourceHealthyAsync("ingest", deadline.Token);
    }

    private static bool ProcessExists(int pid) => Directory.Exists($"/proc/{pid}");
}
