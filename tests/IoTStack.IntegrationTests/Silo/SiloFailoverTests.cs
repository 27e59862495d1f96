using IoTStack.Messaging;

namespace IoTStack.IntegrationTests.Silo;

[Collection(TwoSiloFixture.Group)]
public sealed class SiloFailoverTests(TwoSiloFixture fixture) : IAsyncLifetime
{
    private SiloKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SiloKit.CreateAsync(fixture.Stack);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Killing_one_of_two_silos_mid_stream_loses_nothing_and_duplicates_nothing()
    {
        const int Messages = 20_000, PointsPerMessage = 2;
        var devices = await _kit.MappedDevicesAsync(200);
        var logical = devices.Select(device => device.Logical).ToArray();
        Assert.Equal(2, await _kit.CountAsync("SELECT count(*) FROM orleans_membership WHERE status = 3"));
        Assert.Equal(2u, await Eventually.PollAsync(ConsumersAsync, consumers => consumers == 2, TimeSpan.FromSeconds(30)));
        var bodies = SiloMessages.Bodies(devices.Select(device => device.Physical).ToArray(), bodies: 400, messagesPerBody: Messages / 400, pointsPerMessage: PointsPerMessage);

        var publishing = _kit.PublishAsync(bodies);
        await Eventually.PollAsync(() => _kit.RowsAsync("SELECT count(*) FROM series_points WHERE logical_uid = ANY($1)", logical), rows => rows >= 5_000, TimeSpan.FromSeconds(60));
        fixture.Stack.KillReplica("silo", 0);
        await publishing;

        var stored = await Eventually.PollAsync(() => _kit.RowsAsync("SELECT count(*) FROM series_points WHERE logical_uid = ANY($1)", logical),
            rows => rows >= Messages * PointsPerMessage, TimeSpan.FromSeconds(180));
        Assert.Equal(Messages * PointsPerMessage, stored);
        Assert.Equal(Messages, await _kit.RowsAsync("SELECT count(DISTINCT correlation_id) FROM series_points WHERE logical_uid = ANY($1)", logical));
        Assert.Empty(await _kit.DeadLetters.ListAsync(100, CancellationToken.None));
    }

    private async Task<uint> ConsumersAsync()
    {
        await using var channel = await _kit.Connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(ExchangeTopology.SiloQueue)).ConsumerCount;
    }
}
