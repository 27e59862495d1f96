using IoTStack.Rules.Engine;

namespace IoTStack.Ingest.Rules;

/// <summary>
/// A rule output reaches this replica's subscribers at once, and the other replicas' through the
/// <c>iotstack.rule_outputs</c> fanout exchange (each replica skips its own copy coming back).
/// </summary>
public sealed class RuleOutputDelivery(LocalMqttPublisher local, RuleOutputFanout fanout)
{
    public async Task DeliverAsync(RuleOutput output, CancellationToken cancellationToken)
    {
        await local.PublishAsync(output.Topic, output.Payload, cancellationToken);
        fanout.Publish(output);
    }
}
