using IoTStack.Messaging;

namespace IoTStack.Api.Devices.Silo;

/// <summary>The dead-letter queue, read and requeued with the Messaging library's DeadLetters.</summary>
public sealed class RabbitDeadLetters(DeadLetters deadLetters) : IDeadLetters
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await deadLetters.ListAsync(limit, cancellationToken))
            .Select(letter => new DeadLetter(letter.MessageId, letter.Reason, letter.OriginalExchange, letter.Body, letter.DeadLetteredAt))];

    public Task<bool> RequeueAsync(string id, CancellationToken cancellationToken) => deadLetters.RequeueAsync(id, cancellationToken);
}
