using System.Threading.Channels;
using IoTStack.Rules.Engine;
using Microsoft.Extensions.Options;

namespace IoTStack.Ingest.Rules;

/// <summary>
/// Hands MQTT messages from the publish path to <see cref="SharedRuleEvaluation"/> without waiting: a bounded
/// queue whose writer never blocks. When evaluation falls that far behind, a message skips evaluation (counted as
/// <c>iotstack.rules.dropped_inputs</c>) rather than slowing ingest or growing memory without bound.
/// </summary>
public sealed class RuleInbox(IOptions<RulesOptions> options, RulesMetrics metrics, RuleEngine engine)
{
    private readonly Channel<RuleInput> _queue = Channel.CreateBounded<RuleInput>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<RuleInput> Reader => _queue.Reader;

    public void Offer(string topic, ReadOnlyMemory<byte> payload)
    {
        if (!engine.HasDocuments)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(new RuleInput(topic, payload.ToArray())))
        {
            metrics.Dropped();
        }
    }
}
