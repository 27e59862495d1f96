using System.Globalization;
using System.Text.Json;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Decoding;

/// <summary>
/// Reads timestamps as devices send them: Unix epoch numbers in seconds, milliseconds, microseconds or nanoseconds
/// (told apart by magnitude, as the TUM gateways did), or ISO-8601 strings (IoTa).
/// </summary>
public static class EpochTimestamp
{
    // Below 1e11 seconds is before the year 5138; ms, µs and ns of any date after 1973 are above it, and so on up.
    private const double SecondsBelow = 1e11;
    private const double MillisecondsBelow = 1e14;
    private const double MicrosecondsBelow = 1e17;

    /// <summary>The instant an epoch number denotes, with the unit inferred from its magnitude.</summary>
    public static DateTimeOffset FromNumber(double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new RejectedMessageException(RejectionKind.TimestampOutOfRange, $"Timestamp {value.ToString(CultureInfo.InvariantCulture)} is not a non-negative epoch number.");
        }

        var milliseconds = value switch
        {
            < SecondsBelow => value * 1e3,
            < MillisecondsBelow => value,
            < MicrosecondsBelow => value / 1e3,
            _ => value / 1e6,
        };
        return DateTimeOffset.UnixEpoch.AddTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Reads <paramref name="element"/> (number or ISO-8601 string) and checks it is not far in the future.</summary>
    public static DateTimeOffset Read(JsonElement element, string field, DecodeContext context)
    {
        var timestamp = element.ValueKind switch
        {
            JsonValueKind.Number => FromNumber(element.GetDouble()),
            JsonValueKind.String when element.TryGetDateTimeOffset(out var parsed) => parsed,
            JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => FromNumber(number),
            _ => throw new RejectedMessageException(RejectionKind.InvalidValue,
                $"'{field}' must be an epoch number (s, ms, µs or ns) or an ISO-8601 string, not {Describe(element)}."),
        };
        return EnsureNotFarFuture(timestamp, field, context);
    }

    public static DateTimeOffset EnsureNotFarFuture(DateTimeOffset timestamp, string field, DecodeContext context) =>
        timestamp <= context.LatestAllowed
            ? timestamp
            : throw new RejectedMessageException(RejectionKind.TimestampOutOfRange,
                $"'{field}' {timestamp:O} is in the far future (later than {context.LatestAllowed:O}).");

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Undefined => "missing",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
