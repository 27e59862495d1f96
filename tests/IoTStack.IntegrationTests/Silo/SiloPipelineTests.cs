using System.Text;
using IoTStack.Contracts;
using IoTStack.Testing;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests.Silo;

/// <summary>physical_timeseries → Silo → series_points and logical_timeseries, on the stack the AppHost starts.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class SiloPipelineTests(IoTStackFixture fixture) : IAsyncLifetime
{
    private const string RowsOfLogical = "SELECT count(*) FROM series_points WHERE logical_uid = ANY($1)";
    private SiloKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SiloKit.CreateAsync(fixture.Stack);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Messages_from_physical_timeseries_become_rows_exactly_once_and_reach_logical_timeseries()
    {
        var devices = await _kit.MappedDevicesAsync(20);
        var logical = devices.Select(device => device.Logical).ToArray();
        await using var downstream = await _kit.Connection.CreateChannelAsync();
        var tap = (await downstream.QueueDeclareAsync(exclusive: true)).QueueName;
        await downstream.QueueBindAsync(tap, Exchanges.LogicalTimeseries, string.Empty);
        var bodies = SiloMessages.Bodies(devices.Select(device => device.Physical).ToArray(), bodies: 20, messagesPerBody: 50, pointsPerMessage: 3);

        // Five bodies twice: what RabbitMQ re-delivers when a silo dies between commit and acknowledgement.
        await _kit.PublishAsync(bodies.Concat(bodies.Take(5)));
        var rows = await Eventually.PollAsync(() => _kit.RowsAsync(RowsOfLogical, logical), count => count >= 3000, TimeSpan.FromSeconds(60));
        var published = bodies.SelectMany(body => body).ToDictionary(message => message.CorrelationId);
        var downstreamMessages = new List<NormalisedMessage>();
        await Eventually.PollAsync(
            async () =>
            {
                downstreamMessages.AddRange(await DrainAsync(downstream, tap));
                return downstreamMessages.Select(message => message.CorrelationId).Distinct().Count(published.ContainsKey);
            },
            seen => seen == published.Count, TimeSpan.FromSeconds(30));

        Assert.Equal(3000, rows);
        Assert.Equal(3000, await _kit.RowsAsync(RowsOfLogical, logical));
        Assert.Equal(1000, await _kit.RowsAsync("SELECT count(DISTINCT correlation_id) FROM series_points WHERE logical_uid = ANY($1)", logical));
        var ours = downstreamMessages.Where(message => published.ContainsKey(message.CorrelationId)).ToArray();
        Assert.Equal(published.Keys.ToHashSet(), ours.Select(message => message.CorrelationId).ToHashSet());
        Assert.All(ours, message => Assert.Equal(devices.Single(device => device.Physical == message.PhysicalUid).Logical, message.LogicalUid));
    }

    [Fact]
    public async Task A_poison_message_is_dead_lettered_with_its_reason_and_does_not_block_the_messages_behind_it()
    {
        var devices = await _kit.MappedDevicesAsync(5);
        var unknownDevice = 9_000_000_000L + Random.Shared.Next(1_000_000);
        var poisonIds = await _kit.PublishRawAsync(
        [
            Encoding.UTF8.GetBytes("{ this is not json"),
            NormalisedMessageBatch.Serialize(SiloMessages.Bodies([unknownDevice], 1, 2, 1)[0]),
        ]);
        var good = SiloMessages.Bodies(devices.Select(device => device.Physical).ToArray(), bodies: 10, messagesPerBody: 10, pointsPerMessage: 2);
        await _kit.PublishAsync(good);

        var rows = await Eventually.PollAsync(() => _kit.RowsAsync(RowsOfLogical, devices.Select(d => d.Logical).ToArray()), count => count >= 200, TimeSpan.FromSeconds(60));
        var letters = await Eventually.PollAsync(
            async () => (await _kit.DeadLetters.ListAsync(1000, CancellationToken.None)).Where(letter => poisonIds.Contains(letter.MessageId)).ToArray(),
            found => found.Length == 2, TimeSpan.FromSeconds(30));

        Assert.Equal(200, rows);
        var malformed = Assert.Single(letters, letter => letter.MessageId == poisonIds[0]);
        var unregistered = Assert.Single(letters, letter => letter.MessageId == poisonIds[1]);
        Assert.StartsWith("Malformed normalised message body", malformed.Reason, StringComparison.Ordinal);
        Assert.Contains($"{unknownDevice} is not registered", unregistered.Reason, StringComparison.Ordinal);
        Assert.All(letters, letter => Assert.Equal((1, Exchanges.PhysicalTimeseries), (letter.Attempts, letter.OriginalExchange)));
        Assert.Equal("{ this is not json", malformed.Body);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_messages_wait_in_the_queue_and_none_is_dead_lettered()
    {
        var devices = await _kit.MappedDevicesAsync(5);
        var logical = devices.Select(device => device.Logical).ToArray();
        var bodies = SiloMessages.Bodies(devices.Select(device => device.Physical).ToArray(), bodies: 10, messagesPerBody: 10, pointsPerMessage: 2);

        await fixture.Stack.StopResourceAsync("postgres");
        IReadOnlyList<string> ids;
        try
        {
            ids = await _kit.PublishRawAsync(bodies.Select(NormalisedMessageBatch.Serialize));
            // Observe the outage for a few of the Silo's retry cycles: the messages are refused, never given up on.
            var deadLettered = await Eventually.PollAsync(
                async () => (await _kit.DeadLetters.ListAsync(1000, CancellationToken.None)).Count(letter => ids.Contains(letter.MessageId)),
                count => count > 0, TimeSpan.FromSeconds(8));
            Assert.Equal(0, deadLettered);
        }
        finally
        {
            await fixture.Stack.StartResourceAsync("postgres");
            _kit.Database.Clear();
        }

        var rows = await Eventually.PollAsync(() => _kit.RowsAsync(RowsOfLogical, logical), count => count >= 200, TimeSpan.FromSeconds(90));
        Assert.Equal(200, rows);
        Assert.DoesNotContain(await _kit.DeadLetters.ListAsync(1000, CancellationToken.None), letter => ids.Contains(letter.MessageId));
    }

    private static async Task<List<NormalisedMessage>> DrainAsync(IChannel channel, string queue)
    {
        var messages = new List<NormalisedMessage>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            messages.AddRange(NormalisedMessageBatch.Deserialize(result.Body.Span));
        }

        return messages;
    }
}
