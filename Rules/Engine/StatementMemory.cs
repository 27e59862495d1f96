namespace IoTStack.Rules.Engine;

/// <summary>
/// The messages currently meeting one rule statement: the last payload of each topic whose last message met it
/// (a later message on that topic that does not meet it removes it). Capped, oldest topic first out, so a
/// statement on <c>miner/#</c> cannot grow without bound.
/// </summary>
public sealed class StatementMemory
{
    public const int MaxTopics = 1000;

    private readonly OrderedDictionary<string, byte[]> _messages = new(StringComparer.Ordinal);

    public bool IsMet => _messages.Count > 0;

    public IEnumerable<KeyValuePair<string, byte[]>> Messages => _messages;

    public void Remember(string topic, byte[] payload)
    {
        _messages.Remove(topic);
        if (_messages.Count == MaxTopics)
        {
            _messages.RemoveAt(0);
        }

        _messages.Add(topic, payload);
    }

    public void Forget(string topic) => _messages.Remove(topic);

    public void Clear() => _messages.Clear();
}
