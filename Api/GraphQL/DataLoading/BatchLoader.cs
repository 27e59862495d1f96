using GraphQL.DataLoader;

namespace IoTStack.Api.GraphQL.DataLoading;

/// <summary>
/// Collects the keys that sibling fields ask for and fetches them with one query. GraphQL.NET's execution strategy
/// resolves a whole level of the tree before awaiting any <see cref="IDataLoaderResult"/>, so the first await
/// dispatches every key gathered so far. (The GraphQL.DataLoader package is not served here; its core interface is.)
/// One loader lives per request, so its cache never outlives the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly TValue missingValue = missing;
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Result> results = [];
    private Batch? open;

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (gate)
        {
            if (!results.TryGetValue(key, out var result))
            {
                open ??= new Batch();
                open.Keys.Add(key);
                result = new Result(this, open, key);
                results.Add(key, result);
            }

            return result;
        }
    }

    private Task<IDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (batch.Fetch is null)
            {
                batch.Fetch = fetch(batch.Keys, cancellationToken);
                if (open == batch)
                {
                    open = null;
                }
            }

            return batch.Fetch;
        }
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IDictionary<TKey, TValue>>? Fetch { get; set; }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Dispatch(batch, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : loader.missingValue;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
