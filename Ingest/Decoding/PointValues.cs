using System.Globalization;
using System.Text.Json;
using IoTStack.Contracts;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Decoding;

/// <summary>Turns a JSON value into a timeseries point, the same way for every shape.</summary>
public static class PointValues
{
    /// <summary>
    /// Numbers stay numbers, booleans become 1/0, numeric strings (TUM sends <c>"value": "91827364"</c>) become numbers,
    /// other strings are kept as text. NaN and Infinity are refused in any spelling: no series can store them.
    /// </summary>
    public static TimeseriesPoint ToPoint(string name, JsonElement value, DateTimeOffset? timestamp = null)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDouble(out var reading)
                    ? TimeseriesPoint.Number(name, Finite(name, reading), timestamp)
                    : throw NotFinite(name);
            case JsonValueKind.True or JsonValueKind.False:
                return TimeseriesPoint.Number(name, value.GetBoolean() ? 1 : 0, timestamp);
            case JsonValueKind.String:
                var text = value.GetString()!;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? TimeseriesPoint.Number(name, Finite(name, number), timestamp)
                    : IsNonFiniteWord(text)
                        ? throw NotFinite(name)
                        : TimeseriesPoint.Word(name, text, timestamp);
            default:
                throw new RejectedMessageException(RejectionKind.InvalidValue,
                    $"Value of '{name}' must be a number, a boolean or a string, not {EpochTimestamp.Describe(value)}.");
        }
    }

    private static double Finite(string name, double value) => double.IsFinite(value) ? value : throw NotFinite(name);

    private static bool IsNonFiniteWord(string text) =>
        text.Trim().TrimStart('+', '-') is var word &&
        (word.Equals("nan", StringComparison.OrdinalIgnoreCase) || word.StartsWith("inf", StringComparison.OrdinalIgnoreCase));

    private static RejectedMessageException NotFinite(string name) =>
        new(RejectionKind.InvalidValue, $"Value of '{name}' is NaN or Infinity; only finite numbers can be stored.");
}
