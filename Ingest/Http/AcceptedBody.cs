using System.Text.Json.Serialization;

namespace IoTStack.Ingest.Http;

/// <summary>The body of a 202: the message's correlation id and how many normalised messages it became.</summary>
public sealed record AcceptedBody(
    [property: JsonPropertyName("correlation_id")] Guid CorrelationId,
    [property: JsonPropertyName("messages")] int Messages);
