namespace IoTStack.Silo.Batching;

/// <summary>How a <see cref="CommitBatcher{T}"/> trades latency for fewer, larger commits.</summary>
public sealed record CommitBatcherOptions
{
    /// <summary>A batch is committed as soon as this many items wait.</summary>
    public int MaxItems { get; init; } = 5000;

    /// <summary>...or this long after its first item arrived, whichever comes first.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches committed in parallel: one fills while another is being written.</summary>
    public int Concurrency { get; init; } = 2;
}
