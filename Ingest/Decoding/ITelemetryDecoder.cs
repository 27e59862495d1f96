using System.Text.Json;

namespace IoTStack.Ingest.Decoding;

/// <summary>
/// Turns one payload shape into readings. Adding a vendor format is one class implementing this and one
/// registration; the decoders never see bytes, content types or credentials.
/// </summary>
public interface ITelemetryDecoder
{
    /// <summary>A short name used in logs and rejection details.</summary>
    string Shape { get; }

    /// <summary>Whether <paramref name="sample"/> (the root object, or the first element of a root array) has this shape.</summary>
    bool Matches(JsonElement sample);

    /// <summary>Decodes the whole payload; throws <see cref="Pipeline.RejectedMessageException"/> with a precise detail when it is invalid.</summary>
    DecodedTelemetry Decode(JsonElement root, DecodeContext context);
}
