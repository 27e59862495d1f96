using System.Text;

namespace IoTStack.Api.Operations;

/// <summary>A row of <c>raw_messages</c>: every message as received, before anything else could go wrong.</summary>
public sealed record RawMessage(
    Guid CorrelationId,
    DateTimeOffset ReceivedAt,
    string Source,
    long? PhysicalUid,
    string? Device,
    string? Topic,
    string? ContentType,
    byte[] Payload,
    string Status,
    string? Reason)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Its place in a list, newest first; the correlation id (the primary key) orders messages received at the same instant.</summary>
    public RawMessageKey Key => new(ReceivedAt, CorrelationId);

    public string? PayloadText
    {
        get
        {
            try
            {
                return StrictUtf8.GetString(Payload);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
    }
}

public sealed record RawMessageKey(DateTimeOffset ReceivedAt, Guid CorrelationId);
