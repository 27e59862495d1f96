using System.Threading.Channels;

namespace IoTStack.Silo.Batching;

/// <summary>
/// Gathers items from many concurrent callers into batches that are committed together, flushed when
/// <see cref="CommitBatcherOptions.MaxItems"/> are waiting or <see cref="CommitBatcherOptions.MaxDelay"/> after the
/// first item arrived. Each caller's task completes when the batch holding its items is committed, or fails with
/// that batch's error, so a caller can acknowledge its input only once the output is durable.
/// (No served library offers "await the commit of my items" batching, hence this small class.)
/// </summary>
public sealed class CommitBatcher<T> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _commit;
    private readonly CommitBatcherOptions _options;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Func<Exception, bool> _isolates;
    private readonly Task[] _loops;

    /// <param name="isolates">
    /// For a failure that may be one caller's items' fault (not an outage): the callers of the failed batch are then
    /// committed one by one, so one bad item fails only its own caller.
    /// </param>
    public CommitBatcher(CommitBatcherOptions options, Func<IReadOnlyList<T>, CancellationToken, Task> commit, Func<Exception, bool>? isolates = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _commit = commit;
        _isolates = isolates ?? (_ => false);
        _loops = Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(_ => Task.Run(RunAsync)).ToArray();
    }

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

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
        _disposing.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>();
        var items = new List<T>(_options.MaxItems);
        while (await reader.WaitToReadAsync())
        {
            using (var window = new CancellationTokenSource(_options.MaxDelay))
            {
                while (items.Count < _options.MaxItems && await NextAsync(reader, window.Token) is { } pending)
                {
                    batch.Add(pending);
                    items.AddRange(pending.Items);
                }
            }

            await CommitAsync(batch, items);
            batch.Clear();
            items.Clear();
        }
    }

    private static async ValueTask<Pending?> NextAsync(ChannelReader<Pending> reader, CancellationToken window)
    {
        try
        {
            Pending? pending;
            while (!reader.TryRead(out pending))
            {
                if (!await reader.WaitToReadAsync(window))
                {
                    return null;
                }
            }

            return pending;
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task CommitAsync(List<Pending> batch, List<T> items)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _commit(items, _disposing.Token);
            batch.ForEach(pending => pending.Committed.TrySetResult());
        }
#pragma warning disable CA1031 // Every failure belongs to the callers waiting on this batch.
        catch (Exception exception) when (batch.Count > 1 && _isolates(exception))
        {
            foreach (var pending in batch)
            {
                await CommitAsync([pending], [.. pending.Items]);
            }
        }
        catch (Exception exception)
#pragma warning restore CA1031
        {
            batch.ForEach(pending => pending.Committed.TrySetException(exception));
        }
    }

    private sealed record Pending(IReadOnlyList<T> Items, TaskCompletionSource Committed);
}
