using System.Collections.Concurrent;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Tests.Pipeline;

public class MicroBatcherTests
{
    [Fact]
    public async Task Concurrent_items_share_batches_and_each_caller_awaits_its_flush()
    {
        var batches = new ConcurrentBag<int>();
        await using var batcher = new MicroBatcher<int>((items, token) => { batches.Add(items.Count); return Task.Delay(5, token); },
            maxBatchSize: 100, linger: TimeSpan.FromMilliseconds(5), maxConcurrentFlushes: 2, flushTimeout: TimeSpan.FromSeconds(10));

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(batcher.EnqueueAsync));

        Assert.Equal(1000, batches.Sum());
        Assert.All(batches, size => Assert.InRange(size, 1, 100));
        Assert.True(batches.Count < 100, $"expected batching, got {batches.Count} flushes");
    }

    [Fact]
    public async Task A_flush_that_hangs_fails_its_callers_after_the_timeout()
    {
        await using var batcher = new MicroBatcher<int>((_, token) => Task.Delay(Timeout.Infinite, token),
            maxBatchSize: 10, linger: TimeSpan.Zero, maxConcurrentFlushes: 1, flushTimeout: TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.EnqueueAsync(1));
    }

    [Fact]
    public async Task A_failed_flush_faults_every_caller_of_that_batch()
    {
        await using var batcher = new MicroBatcher<int>((_, _) => throw new InvalidOperationException("broker down"),
            maxBatchSize: 10, linger: TimeSpan.FromMilliseconds(1), maxConcurrentFlushes: 1, flushTimeout: TimeSpan.FromSeconds(10));

        var calls = Enumerable.Range(0, 5).Select(batcher.EnqueueAsync).ToArray();

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        }
    }
}
