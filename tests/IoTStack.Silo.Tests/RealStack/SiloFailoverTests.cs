using IoTStack.Messaging;
using IoTStack.Silo.Tests.Infrastructure;

namespace IoTStack.Silo.Tests.RealStack;

[Collection(ServersGroup.Name)]
public sealed class SiloFailoverTests(ServersFixture servers) : IAsyncLifetime
{
    private StackSlice _stack = null!;

    public async Task InitializeAsync() => _stack = await StackSlice.CreateAsync(servers, "failover");

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Killing_one_of_two_silos_mid_stream_loses_nothing_and_duplicates_nothing()
    {
        const int Messages = 20_000, PointsPerMessage = 2;
        await _stack.SeedMappedDevicesAsync(1, 200);
        var doomed = await _stack.StartSiloAsync();
        await _stack.StartSiloAsync();
        Assert.Equal(2u, await Poll.UntilAsync(() => _stack.ConsumersAsync(ExchangeTopology.SiloQueue), consumers => consumers == 2, TimeSpan.FromSeconds(30)));
        Assert.Equal(2, await _stack.Database.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 3"));
        var bodies = StackSlice.Bodies(1, devices: 200, bodies: 400, messagesPerBody: Messages / 400, pointsPerMessage: PointsPerMessage);

        var publishing = _stack.PublishAsync(bodies);
        await Poll.UntilAsync(() => _stack.Database.ScalarAsync("SELECT count(*) FROM series_points"), count => count >= 5_000, TimeSpan.FromSeconds(60));
        await doomed.KillAsync();
        await publishing;

        var rows = await Poll.UntilAsync(() => _stack.Database.ScalarAsync("SELECT count(*) FROM series_points"),
            count => count >= Messages * PointsPerMessage, TimeSpan.FromSeconds(180));
        Assert.Equal(Messages * PointsPerMessage, rows);
        Assert.Equal(Messages, await _stack.Database.ScalarAsync("SELECT count(DISTINCT correlation_id) FROM series_points"));
        Assert.Equal(1u, await _stack.ConsumersAsync(ExchangeTopology.SiloQueue));
        Assert.Equal(0u, await _stack.MessagesWaitingAsync(ExchangeTopology.DeadLetterQueue));
    }
}
