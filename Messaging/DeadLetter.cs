namespace IoTStack.Messaging;

/// <summary>A message waiting in the dead-letter queue, as an operator sees it.</summary>
public sealed record DeadLetter(
    string MessageId,
    string Reason,
    int Attempts,
    string OriginalExchange,
    string? OriginalQueue,
    DateTimeOffset? DeadLetteredAt,
    string ContentType,
    string Body);
