using System.Globalization;
using IoTStack.Contracts;
using IoTStack.Messaging;
using RabbitMQ.Client;

namespace IoTStack.Silo.Consumer;

/// <summary>
/// Publishes, with publisher confirms, what the consumer gives up on (to the dead-letter exchange, reason in the
/// headers) or wants to try again (to the back of its own queue, attempt count in the headers). The consumer
/// acknowledges the original only after the confirm, so a crash in between duplicates at worst, never loses.
/// </summary>
public sealed class FailedMessagePublisher(RabbitMqConnection connection) : IFailedMessageSink, IAsyncDisposable
{
    private readonly ConfirmingChannel _channel = new(connection);

    public Task DeadLetterAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string reason, int attempts, CancellationToken cancellationToken)
    {
        var properties = CopyOf(original, attempts);
        properties.Headers![DeadLetterHeaders.Reason] = reason;
        properties.Headers[DeadLetterHeaders.OriginalExchange] = Exchanges.PhysicalTimeseries;
        properties.Headers[DeadLetterHeaders.OriginalQueue] = ExchangeTopology.SiloQueue;
        properties.Headers[DeadLetterHeaders.DeadLetteredAt] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return PublishAsync(Exchanges.DeadLetter, string.Empty, properties, body, cancellationToken);
    }

    public Task RetryLaterAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string lastError, int attempts, CancellationToken cancellationToken)
    {
        var properties = CopyOf(original, attempts);
        properties.Headers![DeadLetterHeaders.LastError] = lastError;
        // The default exchange routes by queue name: straight back to this queue only, not to other subscribers.
        return PublishAsync(string.Empty, ExchangeTopology.SiloQueue, properties, body, cancellationToken);
    }

    private static BasicProperties CopyOf(IReadOnlyBasicProperties original, int attempts) => new()
    {
        Persistent = true,
        MessageId = original.MessageId ?? Guid.NewGuid().ToString(),
        ContentType = original.ContentType ?? NormalisedMessageBatch.ContentType,
        Headers = new Dictionary<string, object?>(original.Headers ?? new Dictionary<string, object?>())
        {
            [DeadLetterHeaders.Attempts] = attempts,
        },
    };

    private async Task PublishAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var channel = await _channel.GetAsync(cancellationToken);
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body, cancellationToken);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
