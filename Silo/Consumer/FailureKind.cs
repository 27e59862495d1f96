namespace IoTStack.Silo.Consumer;

/// <summary>What a failure means for the message that caused it.</summary>
public enum FailureKind
{
    /// <summary>The message can never succeed (malformed, unknown device): dead-letter it now.</summary>
    Rejected,

    /// <summary>A dependency is down: keep the message and try again later, however long it takes.</summary>
    Unavailable,

    /// <summary>Anything else (a bug?): try again a bounded number of times, then dead-letter it.</summary>
    Unexpected,
}
