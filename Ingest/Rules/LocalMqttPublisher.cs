using System.Collections;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IoTStack.Ingest.Rules;

/// <summary>
/// Publishes rule outputs to this replica's MQTT subscribers. Injected messages pass through the publish
/// interceptor like client messages; <see cref="IsRuleOutput"/> lets the intake deliver them (and not ingest or
/// re-evaluate them: an output on <c>house/1/alert/</c> would otherwise match the <c>house/#</c> filter again).
/// </summary>
public sealed class LocalMqttPublisher
{
    public const string SenderClientId = "iotstack-rules";

    private static readonly object Marker = typeof(LocalMqttPublisher);

    private MqttServer? _server;

    public void Attach(MqttServer server) => _server = server;

    public static bool IsRuleOutput(IDictionary sessionItems) => sessionItems.Contains(Marker);

    public async Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (_server is not { IsStarted: true } server)
        {
            return;
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message)
        {
            SenderClientId = SenderClientId,
            CustomSessionItems = new Hashtable { [Marker] = true },
        }, cancellationToken);
    }
}
