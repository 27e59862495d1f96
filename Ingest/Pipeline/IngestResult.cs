namespace IoTStack.Ingest.Pipeline;

/// <summary>What a gateway tells the device: accepted (stored and confirmed by RabbitMQ) or rejected, with the correlation id either way.</summary>
public sealed record IngestResult(Guid CorrelationId, Rejection? Rejection, int NormalisedMessages)
{
    public bool Accepted => Rejection is null;

    public static IngestResult Accept(Guid correlationId, int normalisedMessages) => new(correlationId, null, normalisedMessages);

    public static IngestResult Reject(Guid correlationId, Rejection rejection) => new(correlationId, rejection, 0);
}
