using IoTStack.Contracts;

namespace IoTStack.Silo.Consumer;

/// <summary>
/// What became of one AMQP message's device messages. Every message not listed in a failure was committed.
/// <see cref="Unavailable"/> wins: the whole body is retried later and re-delivery of the committed part is harmless.
/// </summary>
public sealed record DispatchResult(string? Unavailable, IReadOnlyList<FailedMessages> Rejected, IReadOnlyList<FailedMessages> Unexpected)
{
    public static DispatchResult Committed { get; } = new(null, [], []);

    public static DispatchResult Malformed(string reason) => new(null, [new FailedMessages(null, reason)], []);
}

/// <summary>Messages that failed with one reason; <see cref="Messages"/> is null when the body itself was unreadable.</summary>
public sealed record FailedMessages(IReadOnlyList<NormalisedMessage>? Messages, string Reason);
