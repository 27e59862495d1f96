using System.Buffers;
using IoTStack.Ingest.Authentication;
using IoTStack.Ingest.Pipeline;
using IoTStack.Ingest.Rules;
using Microsoft.Extensions.Options;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IoTStack.Ingest.Mqtt;

/// <summary>
/// Turns each MQTT publish into a pipeline run without holding up the client's receive loop: the run is started,
/// registered under the packet identifier for <see cref="MqttAcknowledgementGate"/>, and the next packet is read.
/// </summary>
public sealed class MqttPublishIntake(
    TelemetryPipeline pipeline,
    DeviceAuthoriser authoriser,
    TopicAuthoriser topics,
    IngestMetrics metrics,
    RuleInbox rules,
    TimeProvider clock,
    IOptions<IngestOptions> options) : IDisposable
{
    public const string Source = "mqtt";

    private readonly SemaphoreSlim _inFlight = new(options.Value.MaxInFlightMessages, options.Value.MaxInFlightMessages);

    /// <summary>The publish interceptor does not see the packet identifier; the inbound-packet interceptor, called just before it, does.</summary>
    public static Task RememberPacketIdentifierAsync(InterceptingPacketEventArgs args)
    {
        if (args.Packet is MqttPublishPacket publish && MqttSessionState.Of(args.SessionItems) is { } state)
        {
            state.CurrentPacketIdentifier = publish.PacketIdentifier;
        }

        return Task.CompletedTask;
    }

    public async Task StartIngestAsync(InterceptingPublishEventArgs args)
    {
        if (LocalMqttPublisher.IsRuleOutput(args.SessionItems))
        {
            // A filter or rule output: delivered to subscribers as it is, neither ingested nor evaluated again.
            return;
        }

        // Telemetry goes to RabbitMQ, not to MQTT subscribers.
        args.ProcessPublish = false;
        if (MqttSessionState.Of(args.SessionItems) is not { } state)
        {
            return;
        }

        var application = args.ApplicationMessage;
        var message = IncomingMessage.Arrived(clock, Source, DeviceTopics.TryParseTelemetry(application.Topic, out var device) ? device : null,
            application.Topic, application.ContentType, application.Payload.ToArray());
        if (message.Device is null && await IsRuleInputAsync(state, message, args.CancellationToken))
        {
            // A message on a granted topic outside devices/<id>/telemetry (the seed's house/1, mine/environment):
            // input for filters and rules only, not telemetry; acknowledged at once (no pending outcome).
            rules.Offer(message.Route, message.Payload);
            return;
        }

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
            var limit = options.Value.MaxPayloadBytes;
            if (message.Device is null || !topics.IsAllowed(state.Principal, TopicRight.Publish, message.Route))
            {
                metrics.UnauthorisedPublish();
                return await pipeline.RejectAsync(message, new Rejection(RejectionKind.Forbidden,
                    $"This client may not publish to '{message.Route}'; devices publish to devices/<their id>/telemetry."));
            }

            if (message.Payload.Length > limit)
            {
                return await pipeline.RejectAsync(message with { Payload = message.Payload[..Http.RequestBody.KeptPrefixOfOversized] },
                    new Rejection(RejectionKind.TooLarge, $"The payload is larger than the limit of {limit} bytes."));
            }

            // Re-checked per message through the short credential cache, so a revocation also ends open sessions.
            var sender = await authoriser.AuthoriseAsync(state.Secret, message.Device, CancellationToken.None);
            if (sender.Allowed)
            {
                // Queued without waiting: evaluation never delays the acknowledgement.
                rules.Offer(message.Route, message.Payload);
            }

            return sender.Allowed
                ? await pipeline.IngestAsync(message, sender.PhysicalUid)
                : await pipeline.RejectAsync(message, sender.Rejection!);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task<bool> IsRuleInputAsync(MqttSessionState state, IncomingMessage message, CancellationToken cancellationToken) =>
        message.Payload.Length <= options.Value.MaxPayloadBytes &&
        topics.IsAllowed(state.Principal, TopicRight.Publish, message.Route) &&
        // Re-checked through the short credential cache, as telemetry is, so a revocation also stops rule inputs.
        (await authoriser.VerifyAsync(state.Secret, cancellationToken)).Principal is not null;

    public void Dispose() => _inFlight.Dispose();
}
