using MQTTnet.Server;

namespace IoTStack.Ingest.Mqtt;

/// <summary>Hooks Ingest into the MQTTnet server: who may connect, what a publish becomes, when it is acknowledged, who may subscribe.</summary>
public sealed class MqttTelemetryGateway(
    MqttConnectionValidator connections,
    MqttPublishIntake publishes,
    MqttAcknowledgementGate acknowledgements,
    TopicAuthoriser topics)
{
    public void Attach(MqttServer server)
    {
        acknowledgements.Server = server;
        server.ValidatingConnectionAsync += connections.ValidateAsync;
        server.InterceptingInboundPacketAsync += MqttPublishIntake.RememberPacketIdentifierAsync;
        server.InterceptingPublishAsync += publishes.StartIngestAsync;
        server.InterceptingOutboundPacketAsync += acknowledgements.AwaitOutcomeAsync;
        server.InterceptingSubscriptionAsync += AuthoriseSubscriptionAsync;
    }

    private Task AuthoriseSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        if (MqttSessionState.Of(args.SessionItems) is not { } state ||
            !topics.IsAllowed(state.Principal, TopicRight.Subscribe, args.TopicFilter.Topic))
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MQTTnet.Protocol.MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }
}
