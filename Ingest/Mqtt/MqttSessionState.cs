using System.Collections;
using System.Collections.Concurrent;
using IoTStack.Ingest.Pipeline;
using IoTStack.Storage.Devices;
using MQTTnet.Formatter;

namespace IoTStack.Ingest.Mqtt;

/// <summary>What Ingest remembers about one MQTT session, kept in MQTTnet's per-session items.</summary>
public sealed class MqttSessionState(string secret, CredentialPrincipal principal, MqttProtocolVersion protocolVersion)
{
    private static readonly object Key = typeof(MqttSessionState);

    /// <summary>The CONNECT password, re-verified (through the short cache) on each publish so revocation bites.</summary>
    public string Secret { get; } = secret;

    public CredentialPrincipal Principal { get; } = principal;

    public MqttProtocolVersion ProtocolVersion { get; } = protocolVersion;

    /// <summary>
    /// Packet identifier of the PUBLISH being handled. MQTTnet hands the packet to the inbound interceptor and then,
    /// on the same receive loop, the application message (without the identifier) to the publish interceptor.
    /// </summary>
    public ushort CurrentPacketIdentifier { get; set; }

    /// <summary>The pipeline outcome each not-yet-sent PUBACK/PUBREC waits for, by packet identifier.</summary>
    public ConcurrentDictionary<ushort, Task<IngestResult>> PendingAcknowledgements { get; } = new();

    public void AttachTo(IDictionary sessionItems) => sessionItems[Key] = this;

    public static MqttSessionState? Of(IDictionary sessionItems) => sessionItems[Key] as MqttSessionState;
}
