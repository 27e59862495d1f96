using IoTStack.Contracts;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests.Ingest;

/// <summary>
/// A durable queue bound to physical_timeseries for one test: reads every normalised message Ingest publishes,
/// reconnecting when the broker restarts (durable, so nothing is lost meanwhile). Deleted on dispose.
/// </summary>
public sealed class TimeseriesTap(ConnectionFactory factory) : IAsyncDisposable
{
    private readonly string _queue = "ingest-test-" + Guid.NewGuid().ToString("N");
    private readonly List<NormalisedMessage> _received = [];
    private IConnection? _connection;
    private IChannel? _channel;

    public int AmqpMessages { get; private set; }

    public async Task StartAsync()
    {
        var channel = await ChannelAsync();
        await channel.ExchangeDeclareAsync(Exchanges.PhysicalTimeseries, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(_queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(_queue, Exchanges.PhysicalTimeseries, string.Empty);
    }

    /// <summary>Reads until <paramref name="done"/> holds for what arrived so far, or the deadline passes; returns all received.</summary>
    public async Task<IReadOnlyList<NormalisedMessage>> ReadUntilAsync(Func<IReadOnlyList<NormalisedMessage>, bool> done, TimeSpan deadline)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!done(_received) && stopwatch.Elapsed < deadline)
        {
            try
            {
                var channel = await ChannelAsync();
                var delivery = await channel.BasicGetAsync(_queue, autoAck: true);
                if (delivery is null)
                {
                    await Task.Delay(20);
                    continue;
                }

                AmqpMessages++;
                _received.AddRange(NormalisedMessageBatch.Deserialize(delivery.Body.Span));
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or System.Net.Sockets.SocketException)
            {
                await ResetAsync();
                await Task.Delay(200);
            }
        }

        return _received;
    }

    /// <summary>Collects for a while with no end condition: to show that nothing more (no duplicate) arrives.</summary>
    public Task<IReadOnlyList<NormalisedMessage>> ReadForAsync(TimeSpan period) => ReadUntilAsync(_ => false, period);

    private async Task<IChannel> ChannelAsync()
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await ResetAsync();
        _connection = await factory.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        return _channel;
    }

    private async Task ResetAsync()
    {
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            // Already gone with the broker.
        }

        _connection = null;
        _channel = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var channel = await ChannelAsync();
            await channel.QueueDeleteAsync(_queue);
        }
        finally
        {
            await ResetAsync();
        }
    }
}
