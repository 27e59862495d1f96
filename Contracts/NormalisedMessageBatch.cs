using System.Text.Json;

namespace IoTStack.Contracts;

/// <summary>
/// The body of one AMQP message on <c>physical_timeseries</c>: a JSON array of normalised messages.
/// Many device messages share one persistent, confirmed publish, which is what lets one broker connection
/// carry tens of thousands of device messages per second; a batch of one is IoTa's single message in an array.
/// </summary>
public static class NormalisedMessageBatch
{
    public const string ContentType = "application/json";

    /// <summary>AMQP header holding the number of normalised messages in the body.</summary>
    public const string CountHeader = "x-iotstack-count";

    public static byte[] Serialize(IReadOnlyList<NormalisedMessage> messages) =>
        JsonSerializer.SerializeToUtf8Bytes(messages, ContractsJson.Options);

    /// <summary>Accepts an array (IoTStack) or a single object (IoTa and other producers).</summary>
    public static IReadOnlyList<NormalisedMessage> Deserialize(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read())
        {
            throw new JsonException("Empty message body.");
        }

        return reader.TokenType == JsonTokenType.StartArray
            ? JsonSerializer.Deserialize<NormalisedMessage[]>(body, ContractsJson.Options) ?? []
            : [JsonSerializer.Deserialize<NormalisedMessage>(body, ContractsJson.Options) ?? throw new JsonException("Null message.")];
    }
}
