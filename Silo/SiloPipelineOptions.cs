using IoTStack.Batching;

namespace IoTStack.Silo;

/// <summary>The Silo's throughput and failure-handling knobs, bound from <c>IoTStack:Silo</c>.</summary>
public sealed class SiloPipelineOptions
{
    public const string Section = "IoTStack:Silo";

    /// <summary>
    /// AMQP messages (each an array of up to ~1,000 device messages from Ingest) in flight on the physical_timeseries
    /// consumer. Each one is dispatched as one grain call per device, so a few already keep the series and publish
    /// batches full. 256 let up to 256,000 device messages queue inside the silo: in the benchmark it stored 1,653
    /// points/s at 60 % of a core with p50 61 s (work redone, most likely calls queued past Orleans' 30 s response
    /// timeout); 16 stored 6,349 points/s at 20 % with half the memory. Nothing is acked before it is stored.
    /// </summary>
    public ushort Prefetch { get; set; } = 16;

    /// <summary>Deliveries of a message failing for an unexpected reason before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long to hold a message back before re-trying it while PostgreSQL or RabbitMQ is unavailable.</summary>
    public TimeSpan UnavailableRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public CommitBatcherOptions SeriesBatch { get; set; } = new();

    /// <summary>
    /// A delivery's messages reach the publisher as one item per logical device; each batch waits for a publisher
    /// confirm (a broker fsync), so several batches are confirmed at once rather than queueing behind one.
    /// </summary>
    public CommitBatcherOptions LogicalPublishBatch { get; set; } = new() { MaxItems = 5000, Concurrency = 4 };

    public TimeSpan ActivityFlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan PartitionUpkeepInterval { get; set; } = TimeSpan.FromHours(6);
}
