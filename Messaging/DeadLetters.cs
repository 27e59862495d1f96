using System.Globalization;
using System.Text;
using IoTStack.Contracts;
using RabbitMQ.Client;

namespace IoTStack.Messaging;

/// <summary>
/// Lists and re-queues dead-lettered messages. Reading uses basic.get without acknowledgement on a private channel:
/// closing the channel returns every message it did not acknowledge to the queue, in its original place.
/// </summary>
public sealed class DeadLetters(RabbitMqConnection connection)
{
    /// <summary>The oldest dead letters, at most <paramref name="max"/>, left in the queue.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var open = await connection.GetAsync(cancellationToken);
        await using var channel = await open.CreateChannelAsync(cancellationToken: cancellationToken);
        await ExchangeTopology.DeclareAsync(channel, cancellationToken);
        var letters = new List<DeadLetter>();
        while (letters.Count < max && await channel.BasicGetAsync(ExchangeTopology.DeadLetterQueue, autoAck: false, cancellationToken) is { } result)
        {
            letters.Add(Describe(result));
        }

        await channel.CloseAsync(cancellationToken);
        return letters;
    }

    /// <summary>
    /// Publishes the dead letter <paramref name="messageId"/> back to its original exchange with a fresh attempt count
    /// and removes it from the dead-letter queue. Returns false when no such message is waiting.
    /// </summary>
    public async Task<bool> RequeueAsync(string messageId, CancellationToken cancellationToken)
    {
        var open = await connection.GetAsync(cancellationToken);
        await using var channel = await open.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await ExchangeTopology.DeclareAsync(channel, cancellationToken);
        var found = false;
        while (!found && await channel.BasicGetAsync(ExchangeTopology.DeadLetterQueue, autoAck: false, cancellationToken) is { } result)
        {
            if (Describe(result) is { } letter && letter.MessageId == messageId)
            {
                var properties = new BasicProperties
                {
                    Persistent = true,
                    MessageId = messageId,
                    ContentType = result.BasicProperties.ContentType,
                    Headers = new Dictionary<string, object?>(),
                };
                await channel.BasicPublishAsync(letter.OriginalExchange, string.Empty, mandatory: false, properties, result.Body, cancellationToken);
                await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
                found = true;
            }
        }

        await channel.CloseAsync(cancellationToken);
        return found;
    }

    private static DeadLetter Describe(BasicGetResult result)
    {
        var headers = result.BasicProperties.Headers;
        var at = DeadLetterHeaders.GetString(headers, DeadLetterHeaders.DeadLetteredAt);
        return new DeadLetter(
            result.BasicProperties.MessageId ?? string.Empty,
            DeadLetterHeaders.GetString(headers, DeadLetterHeaders.Reason) ?? "unknown",
            DeadLetterHeaders.GetAttempts(headers),
            DeadLetterHeaders.GetString(headers, DeadLetterHeaders.OriginalExchange) ?? Exchanges.PhysicalTimeseries,
            DeadLetterHeaders.GetString(headers, DeadLetterHeaders.OriginalQueue),
            DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : null,
            result.BasicProperties.ContentType ?? NormalisedMessageBatch.ContentType,
            Encoding.UTF8.GetString(result.Body.Span));
    }
}
