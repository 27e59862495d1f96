using IoTStack.Messaging;

namespace IoTStack.Api.Devices.Silo;

/// <summary>The dead-letter queue, read and requeued with the Messaging library's DeadLetters.</summary>
public sealed class RabbitDeadLetters(DeadLetters deadLetters) : IDeadLetters
{
    /// <summary>
    /// How many letters one page may read from the queue. Reading holds each letter unacknowledged until the channel
    /// closes, so this bounds what one request keeps in memory; a queue longer than this wants draining, not paging.
    /// </summary>
    public const int MaxScanned = 10_000;

    /// <remarks>
    /// RabbitMQ reads a queue only from its head, so a page reads the queue, orders it by key and continues after the
    /// cursor's key: a cursor survives letters being requeued or added meanwhile, which a count of rows would not. The
    /// sort is needed because Silo replicas stamp the time before they publish, so the queue's order can differ slightly.
    /// </remarks>
    public async Task<IReadOnlyList<DeadLetter>> PageAsync(DeadLetterKey? after, int take, CancellationToken cancellationToken) =>
        [.. (await deadLetters.ListAsync(MaxScanned, cancellationToken))
            .Select(letter => new DeadLetter(letter.MessageId, letter.Reason, letter.OriginalExchange, letter.Body, letter.DeadLetteredAt))
            .Where(letter => DeadLetterKey.Order.Compare(letter.Key, after) > 0)
            .OrderBy(letter => letter.Key, DeadLetterKey.Order)
            .Take(take)];

    public Task<bool> RequeueAsync(string id, CancellationToken cancellationToken) => deadLetters.RequeueAsync(id, cancellationToken);
}
