namespace IoTStack.Ingest.Pipeline;

/// <summary>Thrown by decoders for bad input; the pipeline turns it into a kept, rejected raw message.</summary>
public sealed class RejectedMessageException : Exception
{
    public RejectedMessageException(RejectionKind kind, string detail)
        : base(detail) => Rejection = new(kind, detail);

    public RejectedMessageException()
        : this(RejectionKind.Malformed, "Malformed message.")
    {
    }

    public RejectedMessageException(string message)
        : this(RejectionKind.Malformed, message)
    {
    }

    public RejectedMessageException(string message, Exception innerException)
        : base(message, innerException) => Rejection = new(RejectionKind.Malformed, message);

    public Rejection Rejection { get; }
}
