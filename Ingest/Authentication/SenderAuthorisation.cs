using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Authentication;

/// <summary>Either the physical device a message may be recorded for, or why it may not.</summary>
public sealed record SenderAuthorisation(long PhysicalUid, Rejection? Rejection)
{
    public bool Allowed => Rejection is null;

    public static SenderAuthorisation Allow(long physicalUid) => new(physicalUid, null);

    public static SenderAuthorisation Deny(RejectionKind kind, string detail) => new(0, new Rejection(kind, detail));
}
