using IoTStack.Ingest.Pipeline;
using MQTTnet.Protocol;

namespace IoTStack.Ingest.Mqtt;

/// <summary>The documented MQTT 5 PUBACK/PUBREC reason for each rejection kind.</summary>
public static class MqttReasonCodes
{
    public static MqttPubAckReasonCode PubAck(RejectionKind kind) => kind switch
    {
        RejectionKind.Forbidden or RejectionKind.Unauthenticated => MqttPubAckReasonCode.NotAuthorized,
        RejectionKind.TooLarge => MqttPubAckReasonCode.QuotaExceeded,
        RejectionKind.Unavailable => MqttPubAckReasonCode.ImplementationSpecificError,
        _ => MqttPubAckReasonCode.PayloadFormatInvalid,
    };

    // PUBREC carries the same codes with the same values.
    public static MqttPubRecReasonCode PubRec(RejectionKind kind) => (MqttPubRecReasonCode)(int)PubAck(kind);
}
