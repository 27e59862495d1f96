using System.Text.Json;
using IoTStack.Ingest.Pipeline;
using MessagePack;

namespace IoTStack.Ingest.Decoding;

/// <summary>
/// Reads a body as JSON or MessagePack by its content type. MessagePack is converted to JSON first, so every decoder
/// handles both encodings of its shape. Without a content type (MQTT 3.1.1 has none) the first byte decides.
/// </summary>
public static class PayloadFormat
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 32 };

    public static bool IsMessagePack(string? contentType) =>
        MediaType(contentType) is "application/msgpack" or "application/x-msgpack" or "application/vnd.msgpack";

    public static bool IsJson(string? contentType) =>
        MediaType(contentType) is var media && (media is "application/json" or "text/json" || media.EndsWith("+json", StringComparison.Ordinal));

    public static JsonDocument Parse(ReadOnlyMemory<byte> payload, string? contentType)
    {
        if (payload.IsEmpty)
        {
            throw new RejectedMessageException(RejectionKind.Malformed, "The payload is empty.");
        }

        var messagePack = string.IsNullOrEmpty(contentType) ? !LooksLikeJson(payload.Span)
            : IsMessagePack(contentType) ? true
            : IsJson(contentType) ? false
            : throw new RejectedMessageException(RejectionKind.UnsupportedContentType,
                $"Content type '{contentType}' is not supported; send application/json or application/msgpack.");
        return messagePack ? ParseMessagePack(payload) : ParseJson(payload);
    }

    private static JsonDocument ParseJson(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonDocument.Parse(payload, JsonOptions);
        }
        catch (JsonException exception)
        {
            // Some devices print NaN/Infinity as bare words; say so rather than just "invalid start of a value".
            throw HasNonFiniteWord(payload.Span)
                ? new RejectedMessageException(RejectionKind.InvalidValue, "The payload holds NaN or Infinity, which JSON cannot carry and no series can store.")
                : new RejectedMessageException(RejectionKind.Malformed, $"Malformed JSON: {exception.Message}");
        }
    }

    private static JsonDocument ParseMessagePack(ReadOnlyMemory<byte> payload)
    {
        string json;
        try
        {
            var reader = new MessagePackReader(payload);
            json = MessagePackSerializer.ConvertToJson(payload, MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData));
            reader.Skip();
            if (json.Length == 0 || reader.Consumed != payload.Length)
            {
                throw new RejectedMessageException(RejectionKind.Malformed, "Malformed MessagePack: trailing bytes after the first value.");
            }
        }
        catch (Exception exception) when (exception is MessagePackSerializationException or EndOfStreamException or InvalidOperationException)
        {
            throw new RejectedMessageException(RejectionKind.Malformed, $"Malformed MessagePack: {exception.Message}");
        }

        try
        {
            return JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException)
        {
            // ConvertToJson writes NaN and Infinity floats as bare words, which is the only way its output is not JSON.
            throw new RejectedMessageException(RejectionKind.InvalidValue, "The MessagePack payload holds NaN or Infinity; only finite numbers can be stored.");
        }
    }

    private static bool HasNonFiniteWord(ReadOnlySpan<byte> payload) =>
        payload.IndexOf("NaN"u8) >= 0 || payload.IndexOf("Infinity"u8) >= 0;

    private static bool LooksLikeJson(ReadOnlySpan<byte> payload)
    {
        var trimmed = payload.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[';
    }

    private static string MediaType(string? contentType) =>
        (contentType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();
}
