using System.Threading.Channels;

namespace IoTStack.Batching;

/// <summary>
/// Gathers items from many concurrent callers into batches that are committed together, and completes each caller's
/// task only when the batch holding its items is committed (or fails it with that batch's error), so a caller can
/// acknowledge its input only once the output is durable. Up to <see cref="CommitBatcherOptions.Concurrency"/>
/// batches are in flight at once, so a slow round trip (a COPY, a publisher confirm) overlaps the next batch filling.
/// Hand-written: no served library offers "await the commit of my items" batching.
/// </summary>
public sealed class CommitBatcher<T> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _commit;
    private readonly Func<Exception, bool> _isolates;
    private readonly CommitBatcherOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <param name="isolates">
    /// For a failure that may be one caller's items' fault (not an outage): the callers of the failed batch are then
    /// committed one by one, so one bad item fails only its own caller.
    /// </param>
    public CommitBatcher(CommitBatcherOptions options, Func<IReadOnlyList<T>, CancellationToken, Task> commit, Func<Exception, bool>? isolates = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options with { Concurrency = Math.Max(1, options.Concurrency), MaxItems = Math.Max(1, options.MaxItems) };
        _commit = commit;
        _isolates = isolates ?? (_ => false);
        _slots = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the batch holding <paramref name="item"/> is committed; faults when that commit failed.</summary>
    public Task EnqueueAsync(T item) => EnqueueAsync([item]);

    /// <summary>Completes when the batch holding all of <paramref name="items"/> is committed (they are never split).</summary>
    public Task EnqueueAsync(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(items, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Committed.Task : Task.FromException(new ObjectDisposedException(nameof(CommitBatcher<T>)));
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = new Batch(_options.MaxItems);
            batch.DrainFrom(reader);
            if (!batch.IsFull && _options.MaxDelay > TimeSpan.Zero)
            {
                using var window = new CancellationTokenSource(_options.MaxDelay);
                try
                {
                    while (!batch.IsFull && await reader.WaitToReadAsync(window.Token))
                    {
                        batch.DrainFrom(reader);
                    }
                }
                catch (OperationCanceledException) when (window.IsCancellationRequested)
                {
                    // The window is over: commit what we have.
                }
            }

            await _slots.WaitAsync();
            _ = CommitInSlotAsync(batch.Callers);
        }
    }

    private async Task CommitInSlotAsync(List<Pending> callers)
    {
        try
        {
            await CommitAsync(callers);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task CommitAsync(List<Pending> callers)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_options.CommitTimeout);
            await _commit(callers.Count == 1 ? callers[0].Items : [.. callers.SelectMany(c => c.Items)], timeout.Token);
            callers.ForEach(caller => caller.Committed.TrySetResult());
        }
#pragma warning disable CA1031 // Every failure belongs to the callers waiting on this batch.
        catch (Exception exception) when (callers.Count > 1 && _isolates(exception))
        {
            foreach (var caller in callers)
            {
                await CommitAsync([caller]);
            }
        }
        catch (Exception exception)
#pragma warning restore CA1031
        {
            callers.ForEach(caller => caller.Committed.TrySetException(exception));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;

        // Wait for the commits in flight so their callers get an answer.
        for (var i = 0; i < _options.Concurrency; i++)
        {
            await _slots.WaitAsync();
        }

        await _stopping.CancelAsync();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private sealed record Pending(IReadOnlyList<T> Items, TaskCompletionSource Committed);

    /// <summary>The callers of one commit; full once they bring <c>maxItems</c> items (a caller's items stay together).</summary>
    private sealed class Batch(int maxItems)
    {
        private int _items;

        public List<Pending> Callers { get; } = [];

        public bool IsFull => _items >= maxItems;

        public void DrainFrom(ChannelReader<Pending> reader)
        {
            while (!IsFull && reader.TryRead(out var pending))
            {
                Callers.Add(pending);
                _items += pending.Items.Count;
            }
        }
    }
}
