using IoTStack.Ingest.Pipeline;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IoTStack.Ingest.Mqtt;

/// <summary>
/// Holds back each PUBACK/PUBREC until its message is stored and confirmed. MQTTnet builds the acknowledgement
/// right after the publish interceptor returns, on the client's receive loop; awaiting the pipeline there would
/// allow one message in flight per connection. The outbound-packet interceptor runs on the client's send loop
/// instead, so awaiting the outcome here keeps many messages in flight (sharing batches) while no acknowledgement
/// ever precedes durability. The MQTT 5 reason code and reason string come from the outcome.
/// </summary>
public sealed partial class MqttAcknowledgementGate(ILogger<MqttAcknowledgementGate> logger)
{
    /// <summary>Set when the gateway is attached; used to drop MQTT 3.1.1 clients whose message could not be taken.</summary>
    public MqttServer? Server { get; set; }

    public async Task AwaitOutcomeAsync(InterceptingPacketEventArgs args)
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
            // MQTT 3.1.1 acknowledgements carry no failure: withhold it and drop the connection, so the client
            // re-sends the unacknowledged message when it reconnects. (Other 3.1.1 rejections are acknowledged:
            // re-sending a bad message cannot help; it is kept as rejected.)
            args.ProcessPacket = false;
            LogDisconnecting(logger, args.ClientId);
            _ = Server?.DisconnectClientAsync(args.ClientId, MqttDisconnectReasonCode.ServerBusy);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnecting MQTT 3.1.1 client {ClientId}: the pipeline could not take its message")]
    private static partial void LogDisconnecting(ILogger logger, string clientId);
}
