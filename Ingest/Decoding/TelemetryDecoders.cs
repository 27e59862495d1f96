using System.Text.Json;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Decoding;

/// <summary>Picks the decoder whose shape the payload has; the order of registration breaks ties.</summary>
public sealed class TelemetryDecoders(IEnumerable<ITelemetryDecoder> decoders)
{
    private readonly ITelemetryDecoder[] _decoders = decoders.ToArray();

    public DecodedTelemetry Decode(ReadOnlyMemory<byte> payload, string? contentType, DecodeContext context)
    {
        using var document = PayloadFormat.Parse(payload, contentType);
        var root = document.RootElement;
        var sample = root.ValueKind switch
        {
            JsonValueKind.Object => root,
            JsonValueKind.Array when root.GetArrayLength() == 0 => throw new RejectedMessageException(RejectionKind.InvalidValue, "The payload is an empty array."),
            JsonValueKind.Array => root[0],
            _ => throw new RejectedMessageException(RejectionKind.UnknownShape, $"The payload must be a JSON object or array, not {EpochTimestamp.Describe(root)}."),
        };

        var decoder = sample.ValueKind == JsonValueKind.Object ? Array.Find(_decoders, candidate => candidate.Matches(sample)) : null;
        if (decoder is null)
        {
            throw new RejectedMessageException(RejectionKind.UnknownShape,
                $"Unknown payload shape; expected one of: {string.Join(", ", _decoders.Select(known => known.Shape))}.");
        }

        var decoded = decoder.Decode(root, context);
        return decoded.Readings.Count > 0
            ? decoded
            : throw new RejectedMessageException(RejectionKind.InvalidValue, $"The {decoder.Shape} payload holds no values.");
    }
}
