using RabbitMQ.Client;

namespace IoTStack.Messaging;

/// <summary>
/// The publisher's AMQP channel with confirms tracked by RabbitMQ.Client (each BasicPublishAsync completes on the
/// broker's ack and throws on a nack or return). Automatic recovery restores it after a broker restart; a channel
/// the broker closed for good is replaced on the next publish.
/// </summary>
public sealed class ConfirmingChannel(RabbitMqConnection connection) : IAsyncDisposable
{
    private static readonly CreateChannelOptions Confirms = new(
        publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public async Task<IChannel> GetAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } reopened)
            {
                return reopened;
            }

            var amqp = await connection.GetAsync(cancellationToken);
            if (_channel is not null && !amqp.IsOpen)
            {
                // The connection is recovering; it brings this channel back with it. Fail fast until then.
                throw new BrokerUnavailableException("The RabbitMQ connection is recovering.");
            }

            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }

            _channel = await amqp.CreateChannelAsync(Confirms, cancellationToken);
            await ExchangeTopology.DeclareAsync(_channel, cancellationToken);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        _gate.Dispose();
    }
}
