using System.Text.Json.Serialization;

namespace IoTStack.Contracts;

/// <summary>
/// One named value. Numbers are the norm; a text reading (a status word, a firmware string) is kept as <see cref="Text"/>.
/// In JSON both travel as <c>value</c>, a number or a string, as IoTa sends them.
/// </summary>
[GenerateSerializer, Immutable]
[JsonConverter(typeof(TimeseriesPointJsonConverter))]
public sealed record TimeseriesPoint(
    [property: Id(0)] string Name,
    [property: Id(1)] double? Value,
    [property: Id(2)] string? Text,
    [property: Id(3)] DateTimeOffset? Timestamp)
{
    public static TimeseriesPoint Number(string name, double value, DateTimeOffset? timestamp = null) => new(name, value, null, timestamp);

    public static TimeseriesPoint Word(string name, string text, DateTimeOffset? timestamp = null) => new(name, null, text, timestamp);
}
