using System.Text.Json;
using System.Text.Json.Serialization;

namespace IoTStack.Contracts;

/// <summary>Reads and writes <c>{"name", "value": number|string, "timestamp"?}</c>.</summary>
public sealed class TimeseriesPointJsonConverter : JsonConverter<TimeseriesPoint>
{
    public override TimeseriesPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A timeseries point must be a JSON object.");
        }

        string? name = null, text = null;
        double? value = null;
        DateTimeOffset? timestamp = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "name":
                    name = reader.GetString();
                    break;
                case "value" when reader.TokenType == JsonTokenType.Number:
                    value = reader.GetDouble();
                    break;
                case "value" when reader.TokenType == JsonTokenType.String:
                    text = reader.GetString();
                    break;
                case "value" when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                    value = reader.GetBoolean() ? 1 : 0;
                    break;
                case "value":
                    throw new JsonException($"Point value must be a number, a string or a boolean, not {reader.TokenType}.");
                case "timestamp" when reader.TokenType != JsonTokenType.Null:
                    timestamp = reader.GetDateTimeOffset();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new JsonException("A timeseries point needs a non-empty 'name'.");
        }

        if (value is null && text is null)
        {
            throw new JsonException($"Point '{name}' has no 'value'.");
        }

        return new TimeseriesPoint(name, value, text, timestamp);
    }

    public override void Write(Utf8JsonWriter writer, TimeseriesPoint point, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", point.Name);
        if (point.Value is { } number)
        {
            writer.WriteNumber("value", number);
        }
        else
        {
            writer.WriteString("value", point.Text);
        }

        if (point.Timestamp is { } timestamp)
        {
            writer.WriteString("timestamp", timestamp);
        }

        writer.WriteEndObject();
    }
}
