namespace IoTStack.Hosting;

/// <summary>The recent console output of one resource (all replicas), numbered so a page can ask for "what is new".</summary>
public sealed class ResourceLog(int capacity = 5000)
{
    private readonly Lock _gate = new();
    private readonly Queue<LogLine> _lines = new();
    private long _next;

    public void Append(string source, string text)
    {
        lock (_gate)
        {
            _lines.Enqueue(new LogLine(_next++, DateTimeOffset.UtcNow, source, text));
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>Lines numbered at or after <paramref name="from"/>, and the number to ask from next time.</summary>
    public (IReadOnlyList<LogLine> Lines, long Next) Read(long from)
    {
        lock (_gate)
        {
            return (_lines.Where(l => l.Sequence >= from).ToList(), _next);
        }
    }
}

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Source, string Text);
