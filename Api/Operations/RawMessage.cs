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
