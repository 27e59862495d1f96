using IoTStack.Contracts;
using IoTStack.Ingest.Decoding;
using IoTStack.Storage.Devices;
using Microsoft.Extensions.Options;

namespace IoTStack.Ingest.Pipeline;

/// <summary>
/// Every gateway's one path for a message: decode, keep it in raw_messages (accepted or rejected), publish the
/// normalised readings, and only then report "accepted". Gateways turn the result into 202, problem+json or an
/// MQTT reason code.
/// </summary>
public sealed partial class TelemetryPipeline(
    TelemetryDecoders decoders,
    RawMessageLog rawLog,
    TimeseriesPublisher publisher,
    PhysicalDeviceDirectory devices,
    IngestMetrics metrics,
    IOptions<IngestOptions> options,
    ILogger<TelemetryPipeline> logger)
{
    /// <summary>Processes a message from an authorised sender for device <paramref name="physicalUid"/>.</summary>
    public async Task<IngestResult> IngestAsync(IncomingMessage message, long physicalUid)
    {
        var context = new DecodeContext(physicalUid, message.Device, message.ReceivedAt, message.ReceivedAt + options.Value.MaxFutureSkew);
        DecodedTelemetry decoded;
        try
        {
            decoded = decoders.Decode(message.Payload, message.ContentType, context);
        }
        catch (RejectedMessageException rejected)
        {
            return await RejectAsync(message, rejected.Rejection, physicalUid);
        }

        try
        {
            await rawLog.AppendAsync(new RawMessageRecord(message, physicalUid, null));
        }
        catch (Exception exception)
        {
            LogRawLogFailed(logger, exception, message.CorrelationId);
            return Unavailable(message, "PostgreSQL cannot store the message right now");
        }

        var normalised = decoded.Readings
            .Select(reading => new NormalisedMessage(message.CorrelationId, physicalUid, null, reading.Timestamp, reading.Points))
            .ToList();
        try
        {
            await publisher.PublishAsync(normalised);
        }
        catch (Exception exception)
        {
            LogPublishFailed(logger, exception, message.CorrelationId);
            var result = Unavailable(message, exception is RabbitMQ.Client.Exceptions.PublishException { IsReturn: true }
                ? "RabbitMQ returned the message: no queue is bound to physical_timeseries"
                : "RabbitMQ cannot queue the message right now");
            await TryMarkNotQueuedAsync(message.CorrelationId, result.Rejection!);
            return result;
        }

        if (decoded.DeviceProperties is { Count: > 0 } properties)
        {
            await TryMergePropertiesAsync(physicalUid, properties.ToJsonString());
        }

        metrics.Accepted(message.Source);
        return IngestResult.Accept(message.CorrelationId, normalised.Count);
    }

    /// <summary>Keeps a refused message (bad credential, bad payload) as rejected; its rejection is returned as is.</summary>
    public async Task<IngestResult> RejectAsync(IncomingMessage message, Rejection rejection, long? physicalUid = null)
    {
        metrics.Rejected(message.Source, rejection.Kind);
        try
        {
            await rawLog.AppendAsync(new RawMessageRecord(message, physicalUid, rejection));
        }
        catch (Exception exception)
        {
            // The sender's mistake stays its mistake: it gets the rejection, not a 503 inviting a pointless retry.
            LogRawLogFailed(logger, exception, message.CorrelationId);
        }

        return IngestResult.Reject(message.CorrelationId, rejection);
    }

    private IngestResult Unavailable(IncomingMessage message, string what)
    {
        metrics.Rejected(message.Source, RejectionKind.Unavailable);
        return IngestResult.Reject(message.CorrelationId, new Rejection(RejectionKind.Unavailable,
            $"{what}; nothing was accepted. Retry after {options.Value.UnavailableRetryAfter.TotalSeconds:0} s."));
    }

    private async Task TryMarkNotQueuedAsync(Guid correlationId, Rejection rejection)
    {
        try
        {
            await rawLog.MarkNotQueuedAsync(correlationId, $"{rejection.Kind}: {rejection.Detail}", CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogRawLogFailed(logger, exception, correlationId);
        }
    }

    private async Task TryMergePropertiesAsync(long physicalUid, string properties)
    {
        try
        {
            await devices.MergePropertiesAsync(physicalUid, properties, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogPropertiesFailed(logger, exception, physicalUid);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write raw message {CorrelationId}")]
    private static partial void LogRawLogFailed(ILogger logger, Exception exception, Guid correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish message {CorrelationId} to physical_timeseries")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the properties of device {PhysicalUid}")]
    private static partial void LogPropertiesFailed(ILogger logger, Exception exception, long physicalUid);
}
