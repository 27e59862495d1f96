namespace IoTStack.Api.Devices;

/// <summary>A message that kept failing and was parked on the dead-letter queue, with the reason it failed.</summary>
public sealed record DeadLetter(string Id, string? Reason, string? OriginalExchange, string Body, DateTimeOffset? DeadLetteredAt);

/// <summary>Lists and requeues dead letters (the Silo's dead-letter service owns the queue).</summary>
public interface IDeadLetters
{
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Puts the message back on its original exchange; false when no dead letter has that id.</summary>
    Task<bool> RequeueAsync(string id, CancellationToken cancellationToken);
}
