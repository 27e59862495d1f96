namespace IoTStack.Ingest.Pipeline;

/// <summary>One row of <c>raw_messages</c>: the message as received and whether it was accepted.</summary>
public sealed record RawMessageRecord(IncomingMessage Message, long? PhysicalUid, Rejection? Rejection)
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    public string Status => Rejection is null ? Accepted : Rejected;

    /// <summary>Stored as "kind: detail" so both the machine-readable kind and the human detail survive.</summary>
    public string? Reason => Rejection is null ? null : $"{Rejection.Kind}: {Rejection.Detail}";
}
