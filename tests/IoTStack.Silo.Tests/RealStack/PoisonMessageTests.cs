using System.Text;
using IoTStack.Messaging;
using IoTStack.Silo.Tests.Infrastructure;
using RabbitMQ.Client;

namespace IoTStack.Silo.Tests.RealStack;

[Collection(ServersGroup.Name)]
public sealed class PoisonMessageTests(ServersFixture servers) : IAsyncLifetime
{
    private const long UnknownDevice = 9000;
    private StackSlice _stack = null!;

    public async Task InitializeAsync() => _stack = await StackSlice.CreateAsync(servers, "poison");

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Poison_messages_are_dead_lettered_with_their_reason_without_blocking_the_messages_behind_them()
    {
        await _stack.SeedMappedDevicesAsync(1, 5);
        await _stack.StartSiloAsync();
        var unknown = StackSlice.Bodies(UnknownDevice, devices: 1, bodies: 1, messagesPerBody: 2, pointsPerMessage: 1);
        var good = StackSlice.Bodies(1, devices: 5, bodies: 10, messagesPerBody: 10, pointsPerMessage: 2);

        await _stack.PublishRawAsync([Encoding.UTF8.GetBytes("{ this is not json")]);
        await _stack.PublishAsync(unknown.Concat(good));

        var rows = await Poll.UntilAsync(() => _stack.Database.ScalarAsync("SELECT count(*) FROM series_points"), count => count >= 200, TimeSpan.FromSeconds(60));
        var deadLetters = new DeadLetters(new RabbitMqConnection(new ConnectionFactory { Uri = new Uri(_stack.AmqpUri) }));
        var letters = await Poll.UntilAsync(() => deadLetters.ListAsync(10, CancellationToken.None), found => found.Count >= 2, TimeSpan.FromSeconds(30));

        Assert.Equal(200, rows);
        Assert.Equal(2, letters.Count);
        var malformed = Assert.Single(letters, letter => letter.Reason.Contains("Malformed", StringComparison.Ordinal));
        var unregistered = Assert.Single(letters, letter => letter.Reason.Contains("not registered", StringComparison.Ordinal));
        Assert.Equal("{ this is not json", malformed.Body);
        Assert.All(letters, letter =>
        {
            Assert.Equal(1, letter.Attempts);
            Assert.Equal("physical_timeseries", letter.OriginalExchange);
            Assert.NotNull(letter.DeadLetteredAt);
        });
        Assert.Equal(0u, await _stack.MessagesWaitingAsync(ExchangeTopology.SiloQueue));

        // The operator registers and maps the device, then re-queues its dead letter: now its data is stored.
        await _stack.SeedMappedDevicesAsync(UnknownDevice, 1);
        Assert.True(await deadLetters.RequeueAsync(unregistered.MessageId, CancellationToken.None));
        var afterRequeue = await Poll.UntilAsync(() => _stack.Database.ScalarAsync($"SELECT count(*) FROM series_points WHERE physical_uid = {UnknownDevice}"), count => count >= 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, afterRequeue);
        Assert.Equal([malformed.MessageId], (await deadLetters.ListAsync(10, CancellationToken.None)).Select(letter => letter.MessageId));
    }
}
