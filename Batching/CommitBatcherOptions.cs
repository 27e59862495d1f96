namespace IoTStack.Batching;

/// <summary>How a <see cref="CommitBatcher{T}"/> trades latency for fewer, larger commits.</summary>
public sealed record CommitBatcherOptions
{
    /// <summary>A batch is committed as soon as this many items wait.</summary>
    public int MaxItems { get; init; } = 5000;

    /// <summary>
    /// ...or this long after its first item arrived, whichever comes first. Zero commits whatever is waiting as soon
    /// as a commit slot is free, which under load batches just as well and adds no latency when idle.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches committed in parallel: one fills while another is being written.</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>
    /// A commit still running after this is cancelled and its callers fail: a server that vanished mid-commit must
    /// become "retry later" for the caller, never a wait without end.
    /// </summary>
    public TimeSpan CommitTimeout { get; init; } = Timeout.InfiniteTimeSpan;
}
