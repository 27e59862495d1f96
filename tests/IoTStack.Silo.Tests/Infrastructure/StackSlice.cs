using IoTStack.Contracts;
using IoTStack.Messaging;
using Npgsql;
using RabbitMQ.Client;

namespace IoTStack.Silo.Tests.Infrastructure;

/// <summary>
/// One test class's slice of the real stack: its own database (migrated), virtual host and Orleans cluster id,
/// silos started on demand, and the producer side of physical_timeseries.
/// </summary>
public sealed class StackSlice : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly string _clusterId;

    private StackSlice(NpgsqlDataSource database, string amqpUri, IConnection rabbit, string clusterId)
    {
        Database = database;
        AmqpUri = amqpUri;
        Rabbit = rabbit;
        _clusterId = clusterId;
    }

    public NpgsqlDataSource Database { get; }

    public string AmqpUri { get; }

    public IConnection Rabbit { get; }

    public static async Task<StackSlice> CreateAsync(ServersFixture servers, string name)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var database = await MigratedDatabase.CreateAsync(servers, name);
        var amqpUri = await servers.RabbitMq.CreateVirtualHostAsync(name);
        var rabbit = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        await using var channel = await rabbit.CreateChannelAsync();
        await ExchangeTopology.DeclareAsync(channel, CancellationToken.None);
        // Declared here as the Silo declares it, so what is published before a silo starts waits in the queue.
        await channel.QueueDeclareAsync(ExchangeTopology.SiloQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(ExchangeTopology.SiloQueue, Exchanges.PhysicalTimeseries, string.Empty);
        await channel.QueuePurgeAsync(ExchangeTopology.SiloQueue);
        await channel.QueuePurgeAsync(ExchangeTopology.DeadLetterQueue);
        return new StackSlice(database, amqpUri, rabbit, $"{name}-{Guid.NewGuid():N}");
    }

    public async Task<SiloProcess> StartSiloAsync()
    {
        var silo = SiloProcess.Start(Database.ConnectionString, AmqpUri, _clusterId);
        _silos.Add(silo);
        await silo.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>Physical devices first..first+count-1, each mapped since an hour ago to the logical device with the same uid.</summary>
    public Task SeedMappedDevicesAsync(long first, int count) => Database.ExecuteAsync(
        $"""
        INSERT INTO physical_devices (uid, source, name) SELECT g, 'mqtt', 'sensor ' || g FROM generate_series({first}, {first + count - 1}) g;
        INSERT INTO logical_devices (uid, name) SELECT g, 'site ' || g FROM generate_series({first}, {first + count - 1}) g;
        SELECT map_devices(g, g, now() - interval '1 hour') FROM generate_series({first}, {first + count - 1}) g;
        """);

    public static NormalisedMessage[][] Bodies(long firstDevice, int devices, int bodies, int messagesPerBody, int pointsPerMessage)
    {
        var now = DateTimeOffset.UtcNow;
        var sequence = 0;
        return Enumerable.Range(0, bodies).Select(_ => Enumerable.Range(0, messagesPerBody).Select(_ =>
        {
            var n = sequence++;
            return new NormalisedMessage(Guid.NewGuid(), firstDevice + (n % devices), null, now.AddMilliseconds(-n),
                Enumerable.Range(0, pointsPerMessage).Select(p => TimeseriesPoint.Number($"p{p}", n + p)).ToArray());
        }).ToArray()).ToArray();
    }

    public async Task PublishAsync(IEnumerable<IReadOnlyList<NormalisedMessage>> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        await PublishRawAsync(bodies.Select(NormalisedMessageBatch.Serialize));
    }

    public async Task PublishRawAsync(IEnumerable<byte[]> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        await using var channel = await Rabbit.CreateChannelAsync(new CreateChannelOptions(true, true));
        foreach (var body in bodies)
        {
            var properties = new BasicProperties { Persistent = true, MessageId = Guid.NewGuid().ToString(), ContentType = NormalisedMessageBatch.ContentType };
            await channel.BasicPublishAsync(Exchanges.PhysicalTimeseries, string.Empty, mandatory: false, properties, body);
        }
    }

    public async Task<uint> MessagesWaitingAsync(string queue)
    {
        await using var channel = await Rabbit.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public async Task<uint> ConsumersAsync(string queue)
    {
        await using var channel = await Rabbit.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Rabbit.CloseAsync();
        Rabbit.Dispose();
        await Database.DisposeAsync();
    }
}
