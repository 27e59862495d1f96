using IoTStack.Contracts;
using IoTStack.Contracts.Devices;
using IoTStack.Messaging;
using IoTStack.Batching;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IoTStack.Silo.Publishing;

/// <summary>
/// Batches the logical messages of every grain on this silo into one persistent, publisher-confirmed AMQP message
/// (a JSON array, as on physical_timeseries), so downstream delivery costs one confirm per batch, not per message.
/// </summary>
public sealed class RabbitLogicalTimeseriesPublisher : ILogicalTimeseriesPublisher, IAsyncDisposable
{
    private readonly ConfirmingChannel _channel;
    private readonly CommitBatcher<NormalisedMessage> _batcher;

    public RabbitLogicalTimeseriesPublisher(RabbitMqConnection connection, IOptions<SiloPipelineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = new ConfirmingChannel(connection);
        _batcher = new CommitBatcher<NormalisedMessage>(options.Value.LogicalPublishBatch, PublishBatchAsync);
    }

    public Task PublishAsync(IReadOnlyList<NormalisedMessage> messages) => _batcher.EnqueueAsync(messages);

    private async Task PublishBatchAsync(IReadOnlyList<NormalisedMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            var channel = await _channel.GetAsync(cancellationToken);
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = NormalisedMessageBatch.ContentType,
                Headers = new Dictionary<string, object?> { [NormalisedMessageBatch.CountHeader] = messages.Count },
            };
            await channel.BasicPublishAsync(Exchanges.LogicalTimeseries, string.Empty, mandatory: false, properties,
                NormalisedMessageBatch.Serialize(messages), cancellationToken);
        }
        catch (Exception exception) when (exception is OperationInterruptedException or AlreadyClosedException
            or BrokerUnreachableException or BrokerUnavailableException or PublishException or TimeoutException)
        {
            throw new StorageUnavailableException($"RabbitMQ did not confirm the logical messages: {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        await _channel.DisposeAsync();
    }
}
