using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Engine;

/// <summary>
/// One message under evaluation: its topic, raw payload and parsed variables. Topic matches are remembered per
/// filter string, since many filters and statements share one (<c>miner/#</c>, <c>devices/+/telemetry</c>).
/// </summary>
public sealed class RuleMessage(string topic, byte[] raw, JsonPayloadScope payload)
{
    private readonly Dictionary<string, bool> _matches = new(StringComparer.Ordinal);

    public string Topic { get; } = topic;

    public byte[] Raw { get; } = raw;

    public JsonPayloadScope Payload { get; } = payload;

    public bool Matches(string filter)
    {
        if (!_matches.TryGetValue(filter, out var matches))
        {
            matches = TopicFilter.Matches(Topic, filter);
            _matches[filter] = matches;
        }

        return matches;
    }
}
