using IoTStack.Contracts;
using IoTStack.Messaging;
using IoTStack.Silo.Tests.Infrastructure;
using RabbitMQ.Client;

namespace IoTStack.Silo.Tests.RealStack;

[Collection(ServersGroup.Name)]
public sealed class ExactlyOnceTests(ServersFixture servers) : IAsyncLifetime
{
    private StackSlice _stack = null!;

    public async Task InitializeAsync() => _stack = await StackSlice.CreateAsync(servers, "exactly_once");

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Messages_published_to_physical_timeseries_become_rows_exactly_once_and_flow_on_to_logical_timeseries()
    {
        await _stack.SeedMappedDevicesAsync(1, 20);
        await using var downstream = await _stack.Rabbit.CreateChannelAsync();
        var logicalQueue = (await downstream.QueueDeclareAsync(exclusive: true)).QueueName;
        await downstream.QueueBindAsync(logicalQueue, Exchanges.LogicalTimeseries, string.Empty);
        var bodies = StackSlice.Bodies(1, devices: 20, bodies: 20, messagesPerBody: 50, pointsPerMessage: 3);
        await _stack.StartSiloAsync();

        // Five bodies twice: what RabbitMQ re-delivers after a crash between commit and acknowledgement.
        await _stack.PublishAsync(bodies.Concat(bodies.Take(5)));
        var rows = await Poll.UntilAsync(() => _stack.Database.ScalarAsync("SELECT count(*) FROM series_points"), count => count >= 3000, TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(() => _stack.MessagesWaitingAsync(ExchangeTopology.SiloQueue), waiting => waiting == 0, TimeSpan.FromSeconds(30));
        await Task.Delay(500); // let the re-published duplicates finish; rows must not grow past 3000

        Assert.Equal(3000, rows);
        Assert.Equal(3000, await _stack.Database.ScalarAsync("SELECT count(*) FROM series_points"));
        Assert.Equal(1000, await _stack.Database.ScalarAsync("SELECT count(DISTINCT correlation_id) FROM series_points"));
        Assert.Equal(0, await _stack.Database.ScalarAsync("SELECT count(*) FROM series_points WHERE logical_uid <> physical_uid"));
        var delivered = await DrainLogicalAsync(downstream, logicalQueue);
        Assert.Equal(bodies.SelectMany(body => body).Select(message => message.CorrelationId).ToHashSet(), delivered.Select(message => message.CorrelationId).ToHashSet());
        Assert.All(delivered, message => Assert.Equal(message.PhysicalUid, message.LogicalUid));
    }

    private static async Task<List<NormalisedMessage>> DrainLogicalAsync(IChannel channel, string queue)
    {
        var messages = new List<NormalisedMessage>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            messages.AddRange(NormalisedMessageBatch.Deserialize(result.Body.Span));
        }

        return messages;
    }
}
