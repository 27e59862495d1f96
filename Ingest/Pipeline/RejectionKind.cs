namespace IoTStack.Ingest.Pipeline;

/// <summary>Why a message was not accepted; each kind has one HTTP status and one MQTT 5 reason (see <see cref="RejectionResponses"/>).</summary>
public enum RejectionKind
{
    /// <summary>Not parseable as JSON or MessagePack.</summary>
    Malformed,

    /// <summary>Well-formed, but no decoder knows the shape.</summary>
    UnknownShape,

    /// <summary>A known shape with a field of the wrong type, a missing field, NaN or Infinity.</summary>
    InvalidValue,

    /// <summary>A timestamp before 1970 or further ahead than the allowed clock skew.</summary>
    TimestampOutOfRange,

    /// <summary>The payload names a device other than the one it was sent for (CroMFlaG2 <c>deviceinfo.deviceid</c>).</summary>
    DeviceMismatch,

    UnsupportedContentType,
    TooLarge,

    /// <summary>No or unparseable credential.</summary>
    Unauthenticated,

    /// <summary>Unknown, revoked or expired credential, or a credential of another device.</summary>
    Forbidden,

    /// <summary>PostgreSQL or RabbitMQ could not take the message durably; the sender should retry.</summary>
    Unavailable,
}
