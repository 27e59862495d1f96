using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Http;

/// <summary>The documented HTTP status and problem title of each rejection kind.</summary>
public static class RejectionStatus
{
    public static int For(RejectionKind kind) => kind switch
    {
        RejectionKind.Malformed or RejectionKind.UnknownShape or RejectionKind.InvalidValue
            or RejectionKind.TimestampOutOfRange or RejectionKind.DeviceMismatch => StatusCodes.Status400BadRequest,
        RejectionKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        RejectionKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RejectionKind.UnsupportedContentType => StatusCodes.Status415UnsupportedMediaType,
        RejectionKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string Title(RejectionKind kind) => kind switch
    {
        RejectionKind.Malformed => "Malformed payload",
        RejectionKind.UnknownShape => "Unknown payload shape",
        RejectionKind.InvalidValue => "Invalid value",
        RejectionKind.TimestampOutOfRange => "Timestamp out of range",
        RejectionKind.DeviceMismatch => "Device mismatch",
        RejectionKind.Unauthenticated => "Missing or malformed credentials",
        RejectionKind.Forbidden => "Not allowed",
        RejectionKind.TooLarge => "Payload too large",
        RejectionKind.UnsupportedContentType => "Unsupported content type",
        RejectionKind.Unavailable => "Ingest temporarily unavailable",
        _ => kind.ToString(),
    };
}
