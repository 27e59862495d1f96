namespace IoTStack.Api.Devices;

/// <summary>A message that kept failing and was parked on the dead-letter queue, with the reason it failed.</summary>
public sealed record DeadLetter(string Id, string? Reason, string? OriginalExchange, string Body, DateTimeOffset? DeadLetteredAt)
{
    /// <summary>Its place in the list, oldest first (a letter without a time comes first).</summary>
    public DeadLetterKey Key => new(DeadLetteredAt ?? DateTimeOffset.MinValue, Id);
}

public sealed record DeadLetterKey(DateTimeOffset DeadLetteredAt, string Id)
{
    /// <summary>By when they were dead-lettered, then by message id; no key (no cursor) comes before every key.</summary>
    public static IComparer<DeadLetterKey?> Order { get; } = Comparer<DeadLetterKey?>.Create((a, b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => a.DeadLetteredAt.CompareTo(b.DeadLetteredAt) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.Id, b.Id),
    });
}

/// <summary>Lists and requeues dead letters (the Silo's dead-letter service owns the queue).</summary>
public interface IDeadLetters
{
    /// <summary>At most <paramref name="take"/> letters after <paramref name="after"/> in <see cref="DeadLetterKey"/> order.</summary>
    Task<IReadOnlyList<DeadLetter>> PageAsync(DeadLetterKey? after, int take, CancellationToken cancellationToken);

    /// <summary>Puts the message back on its original exchange; false when no dead letter has that id.</summary>
    Task<bool> RequeueAsync(string id, CancellationToken cancellationToken);
}
