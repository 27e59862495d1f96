using System.Threading.Channels;

namespace IoTStack.Ingest.Pipeline;

/// <summary>
/// Groups items from many concurrent callers into batches (up to <c>maxBatchSize</c>, or whatever arrived within
/// <c>linger</c>) and hands each batch to one flush; every caller awaits the flush of its own batch, so nobody is
/// told "done" before the batch is durable. Up to <c>maxConcurrentFlushes</c> batches are in flight at once, so a
/// slow round trip (a COPY, a publisher confirm) overlaps with the next batch filling up.
/// Hand-written: no served library batches awaitable work items this way.
/// </summary>
public sealed class MicroBatcher<T> : IAsyncDisposable
{
    private readonly Channel<(T Item, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(T, TaskCompletionSource)>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _flush;
    private readonly int _maxBatchSize;
    private readonly int _maxConcurrentFlushes;
    private readonly TimeSpan _flushTimeout;
    private readonly TimeSpan _linger;
    private readonly SemaphoreSlim _flushSlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <param name="flushTimeout">A flush still running after this is cancelled and its callers fail: a broker that
    /// vanished mid-confirm must turn into "retry later" for the device, never into a request that hangs.</param>
    public MicroBatcher(Func<IReadOnlyList<T>, CancellationToken, Task> flush, int maxBatchSize, TimeSpan linger, int maxConcurrentFlushes, TimeSpan flushTimeout)
    {
        _flushTimeout = flushTimeout;
        _flush = flush;
        _maxBatchSize = maxBatchSize;
        _linger = linger;
        _maxConcurrentFlushes = maxConcurrentFlushes;
        _flushSlots = new SemaphoreSlim(maxConcurrentFlushes, maxConcurrentFlushes);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the batch holding <paramref name="item"/> has been flushed; faults when the flush failed.</summary>
    public Task EnqueueAsync(T item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(MicroBatcher<T>)));
        }

        return done.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<(T Item, TaskCompletionSource Done)>(Math.Min(_maxBatchSize, 64));
            Drain(batch);
            if (batch.Count < _maxBatchSize && _linger > TimeSpan.Zero)
            {
                using var lingering = new CancellationTokenSource(_linger);
                try
                {
                    while (batch.Count < _maxBatchSize && await reader.WaitToReadAsync(lingering.Token))
                    {
                        Drain(batch);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The linger time is over: flush what we have.
                }
            }

            await _flushSlots.WaitAsync();
            _ = FlushAsync(batch);
        }
    }

    private void Drain(List<(T Item, TaskCompletionSource Done)> batch)
    {
        while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
    }

    private async Task FlushAsync(List<(T Item, TaskCompletionSource Done)> batch)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_flushTimeout);
            await _flush(batch.ConvertAll(entry => entry.Item), timeout.Token);
            batch.ForEach(entry => entry.Done.TrySetResult());
        }
        catch (Exception exception)
        {
            batch.ForEach(entry => entry.Done.TrySetException(exception));
        }
        finally
        {
            _flushSlots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;

        // Wait for the flushes in flight so their callers get an answer.
        for (var i = 0; i < _maxConcurrentFlushes; i++)
        {
            await _flushSlots.WaitAsync();
        }

        await _stopping.CancelAsync();
        _stopping.Dispose();
        _flushSlots.Dispose();
    }
}
