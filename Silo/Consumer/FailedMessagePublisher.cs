using System.Globalization;
using IoTStack.Contracts;
using IoTStack.Messaging;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;

namespace IoTStack.Silo.Consumer;

/// <summary>
/// Publishes, with publisher confirms, what the consumer gives up on (to the dead-letter exchange, reason in the
/// headers) or wants to try again (to the back of its own queue, attempt count in the headers). The consumer
/// acknowledges the original only after the confirm, so a crash in between duplicates at worst, never loses.
/// </summary>
public sealed partial class FailedMessagePublisher(RabbitMqConnection connection, NpgsqlDataSource database, ILogger<FailedMessagePublisher> logger)
    : IFailedMessageSink, IAsyncDisposable
{
    private readonly ConfirmingChannel _channel = new(connection);

    public async Task DeadLetterAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string reason, int attempts, CancellationToken cancellationToken)
    {
        var properties = CopyOf(original, attempts);
        properties.Headers![DeadLetterHeaders.Reason] = reason;
        properties.Headers[DeadLetterHeaders.OriginalExchange] = Exchanges.PhysicalTimeseries;
        properties.Headers[DeadLetterHeaders.OriginalQueue] = ExchangeTopology.SiloQueue;
        properties.Headers[DeadLetterHeaders.DeadLetteredAt] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        await PublishAsync(Exchanges.DeadLetter, string.Empty, properties, body, cancellationToken);
        await RecordDeadLetterAsync(properties.MessageId!, reason, attempts, cancellationToken);
    }

    /// <summary>Best effort: the dead letter itself is safe in RabbitMQ; this row only feeds the dashboards.</summary>
    private async Task RecordDeadLetterAsync(string messageId, string reason, int attempts, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = database.CreateCommand(
                "INSERT INTO dead_letter_log (message_id, reason, attempts) VALUES ($1, $2, $3)");
            command.Parameters.Add(new NpgsqlParameter { Value = messageId });
            command.Parameters.Add(new NpgsqlParameter { Value = reason });
            command.Parameters.Add(new NpgsqlParameter { Value = attempts });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            LogNotRecorded(logger, exception, messageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter {MessageId} is in RabbitMQ but not in dead_letter_log")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string messageId);

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
