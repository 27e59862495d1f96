using System.Collections.Concurrent;
using IoTStack.Batching;

namespace IoTStack.Batching.Tests;

public sealed class CommitBatcherTests
{
    [Fact]
    public async Task Concurrent_callers_share_commits_and_each_completes_only_once_its_items_are_committed()
    {
        var committed = new ConcurrentBag<int>();
        var commits = 0;
        await using var batcher = new CommitBatcher<int>(new CommitBatcherOptions { MaxItems = 1000, MaxDelay = TimeSpan.FromMilliseconds(20), Concurrency = 1 },
            async (items, _) =>
            {
                Interlocked.Increment(ref commits);
                await Task.Yield();
                foreach (var item in items)
                {
                    committed.Add(item);
                }
            });

        await Task.WhenAll(Enumerable.Range(0, 200).Select(async caller =>
        {
            await batcher.EnqueueAsync([caller, caller + 1000]);
            Assert.Contains(caller, committed);
            Assert.Contains(caller + 1000, committed);
        }));

        Assert.Equal(400, committed.Count);
        Assert.InRange(commits, 1, 20);
    }

    [Fact]
    public async Task A_full_batch_is_committed_without_waiting_for_the_delay()
    {
        await using var batcher = new CommitBatcher<int>(new CommitBatcherOptions { MaxItems = 3, MaxDelay = TimeSpan.FromMinutes(5), Concurrency = 1 },
            (_, _) => Task.CompletedTask);

        await batcher.EnqueueAsync([1, 2, 3]).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task When_the_data_is_at_fault_only_the_caller_who_sent_it_fails()
    {
        var release = new TaskCompletionSource();
        await using var batcher = new CommitBatcher<string>(new CommitBatcherOptions { MaxItems = 100, MaxDelay = TimeSpan.FromMilliseconds(50), Concurrency = 1 },
            async (items, _) =>
            {
                await release.Task;
                if (items.Contains("bad"))
                {
                    throw new InvalidDataException("refused");
                }
            },
            isolates: exception => exception is InvalidDataException);

        var good = batcher.EnqueueAsync(["a", "b"]);
        var bad = batcher.EnqueueAsync(["bad"]);
        var alsoGood = batcher.EnqueueAsync(["c"]);
        release.SetResult();

        await good;
        await alsoGood;
        await Assert.ThrowsAsync<InvalidDataException>(() => bad);
    }

    [Fact]
    public async Task An_outage_fails_every_caller_of_the_batch_without_retrying_them_one_by_one()
    {
        var commits = 0;
        await using var batcher = new CommitBatcher<int>(new CommitBatcherOptions { MaxItems = 100, MaxDelay = TimeSpan.FromMilliseconds(50), Concurrency = 1 },
            (_, _) =>
            {
                Interlocked.Increment(ref commits);
                throw new TimeoutException("database down");
            },
            isolates: exception => exception is not TimeoutException);

        var callers = Enumerable.Range(0, 5).Select(i => batcher.EnqueueAsync([i])).ToArray();

        foreach (var caller in callers)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => caller);
        }

        Assert.True(commits < callers.Length, $"{commits} commits: the callers were retried one by one");
    }

    [Fact]
    public async Task With_no_delay_a_lone_item_is_committed_at_once_and_load_still_batches()
    {
        var sizes = new ConcurrentBag<int>();
        await using var batcher = new CommitBatcher<int>(new CommitBatcherOptions { MaxItems = 100, MaxDelay = TimeSpan.Zero, Concurrency = 2 },
            (items, token) => { sizes.Add(items.Count); return Task.Delay(5, token); });

        await batcher.EnqueueAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(batcher.EnqueueAsync));

        Assert.Equal(1001, sizes.Sum());
        Assert.All(sizes, size => Assert.InRange(size, 1, 100));
        Assert.True(sizes.Count < 200, $"expected batching, got {sizes.Count} commits");
    }

    [Fact]
    public async Task A_commit_that_hangs_fails_its_callers_after_the_timeout()
    {
        await using var batcher = new CommitBatcher<int>(
            new CommitBatcherOptions { MaxItems = 10, MaxDelay = TimeSpan.Zero, Concurrency = 1, CommitTimeout = TimeSpan.FromMilliseconds(50) },
            (_, token) => Task.Delay(Timeout.Infinite, token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.EnqueueAsync(1));
    }
}
