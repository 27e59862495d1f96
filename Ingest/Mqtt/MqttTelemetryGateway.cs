using System.Buffers;
using IoTStack.Ingest.Authentication;
using IoTStack.Ingest.Pipeline;
using Microsoft.Extensions.Options;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IoTStack.Ingest.Mqtt;

/// <summary>
/// Feeds MQTT publishes into the pipeline and holds back their PUBACK/PUBREC until the message is stored and
/// confirmed. MQTTnet builds the acknowledgement right after the publish interceptor returns, on the client's
/// receive loop; awaiting the pipeline there would allow one message in flight per connection. Instead the publish
/// interceptor starts the pipeline and returns, and the outbound-packet interceptor (on the client's send loop)
/// awaits the outcome before the acknowledgement leaves, setting the MQTT 5 reason code from it. So a connection
/// keeps many messages in flight (they share batches) and no acknowledgement ever precedes durability.
/// </summary>
public sealed partial class MqttTelemetryGateway(
    TelemetryPipeline pipeline,
    DeviceAuthoriser authoriser,
    TopicAuthoriser topics,
    IngestMetrics metrics,
    TimeProvider clock,
    IOptions<IngestOptions> options,
    ILogger<MqttTelemetryGateway> logger) : IDisposable
{
    public const string Source = "mqtt";

    private readonly SemaphoreSlim _inFlight = new(options.Value.MaxInFlightMessages, options.Value.MaxInFlightMessages);
    private MqttServer? _server;

    public void Attach(MqttServer server, MqttConnectionValidator validator)
    {
        _server = server;
        server.ValidatingConnectionAsync += validator.ValidateAsync;
        server.InterceptingInboundPacketAsync += RememberPacketIdentifierAsync;
        server.InterceptingPublishAsync += StartIngestAsync;
        server.InterceptingOutboundPacketAsync += AwaitOutcomeBeforeAcknowledgingAsync;
        server.InterceptingSubscriptionAsync += AuthoriseSubscriptionAsync;
    }

    private static Task RememberPacketIdentifierAsync(InterceptingPacketEventArgs args)
    {
        if (args.Packet is MqttPublishPacket publish && MqttSessionState.Of(args.SessionItems) is { } state)
        {
            state.CurrentPacketIdentifier = publish.PacketIdentifier;
        }

        return Task.CompletedTask;
    }

    private async Task StartIngestAsync(InterceptingPublishEventArgs args)
    {
        // Telemetry goes to RabbitMQ, not to MQTT subscribers.
        args.ProcessPublish = false;
        if (MqttSessionState.Of(args.SessionItems) is not { } state)
        {
            return;
        }

        var application = args.ApplicationMessage;
        var message = IncomingMessage.Arrived(clock, Source, DeviceTopics.TryParseTelemetry(application.Topic, out var device) ? device : null,
            application.Topic, application.ContentType, application.Payload.ToArray());

        // Back-pressure: with too much in flight, stop reading from this client until some completes.
        await _inFlight.WaitAsync(args.CancellationToken);
        var outcome = IngestAsync(state, message);
        if (application.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
        {
            state.PendingAcknowledgements[state.CurrentPacketIdentifier] = outcome;
        }
    }

    private async Task<IngestResult> IngestAsync(MqttSessionState state, IncomingMessage message)
    {
        try
        {
            if (message.Device is null || !topics.IsAllowed(state.Principal, TopicRight.Publish, message.Route))
            {
                metrics.UnauthorisedPublish();
                return await pipeline.RejectAsync(message, new Rejection(RejectionKind.Forbidden,
                    $"This client may not publish to '{message.Route}'; devices publish to devices/<their id>/telemetry."));
            }

            if (message.Payload.Length > options.Value.MaxPayloadBytes)
            {
                return await pipeline.RejectAsync(message with { Payload = message.Payload[..Http.RequestBody.KeptPrefixOfOversized] },
                    new Rejection(RejectionKind.TooLarge, $"The payload is larger than the limit of {options.Value.MaxPayloadBytes} bytes."));
            }

            var sender = await authoriser.AuthoriseAsync(state.Secret, message.Device, CancellationToken.None);
            return sender.Allowed
                ? await pipeline.IngestAsync(message, sender.PhysicalUid)
                : await pipeline.RejectAsync(message, sender.Rejection!);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task AwaitOutcomeBeforeAcknowledgingAsync(InterceptingPacketEventArgs args)
    {
        var identifier = args.Packet switch
        {
            MqttPubAckPacket ack => ack.PacketIdentifier,
            MqttPubRecPacket rec => rec.PacketIdentifier,
            _ => (ushort)0,
        };
        if (identifier == 0 || MqttSessionState.Of(args.SessionItems) is not { } state ||
            !state.PendingAcknowledgements.TryRemove(identifier, out var pending))
        {
            return;
        }

        var result = await pending;
        if (result.Rejection is not { } rejection)
        {
            return;
        }

        if (state.ProtocolVersion != MqttProtocolVersion.V500 && rejection.Kind == RejectionKind.Unavailable)
        {
            // MQTT 3.1.1 acknowledgements have no failure code: withhold it and drop the connection, so the client
            // re-sends the unacknowledged message when it reconnects.
            args.ProcessPacket = false;
            LogDisconnecting(logger, args.ClientId);
            _ = _server?.DisconnectClientAsync(args.ClientId, MqttDisconnectReasonCode.ServerBusy);
            return;
        }

        switch (args.Packet)
        {
            case MqttPubAckPacket ack:
                ack.ReasonCode = MqttReasonCodes.PubAck(rejection.Kind);
                ack.ReasonString = rejection.Detail;
                break;
            case MqttPubRecPacket rec:
                rec.ReasonCode = MqttReasonCodes.PubRec(rejection.Kind);
                rec.ReasonString = rejection.Detail;
                break;
        }
    }

    private Task AuthoriseSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        if (MqttSessionState.Of(args.SessionItems) is not { } state ||
            !topics.IsAllowed(state.Principal, TopicRight.Subscribe, args.TopicFilter.Topic))
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _inFlight.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnecting MQTT 3.1.1 client {ClientId}: the pipeline could not take its message")]
    private static partial void LogDisconnecting(ILogger logger, string clientId);
}
