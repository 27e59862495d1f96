using IoTStack.Api.GraphQL.DataLoading;

namespace IoTStack.Api.Tests;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Keys_asked_for_before_the_first_await_are_fetched_in_one_call()
    {
        var calls = new List<IReadOnlyCollection<int>>();
        var loader = new BatchLoader<int, string?>(
            (keys, _) =>
            {
                calls.Add([.. keys]);
                return Task.FromResult<IDictionary<int, string?>>(keys.Where(k => k != 3).ToDictionary(k => k, k => (string?)$"v{k}"));
            },
            missing: null);

        var results = Enumerable.Range(1, 100).Select(loader.Load).ToList();
        var values = await Task.WhenAll(results.Select(result => result.GetResultAsync()));

        Assert.Single(calls);
        Assert.Equal(100, calls[0].Count);
        Assert.Equal("v1", values[0]);
        Assert.Null(values[2]); // a key the fetch did not return gets the "missing" value
    }

    [Fact]
    public async Task A_later_level_starts_a_new_batch_and_repeated_keys_are_served_from_the_cache()
    {
        var calls = 0;
        var loader = new BatchLoader<int, int>(
            (keys, _) =>
            {
                calls++;
                return Task.FromResult<IDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 10));
            },
            missing: -1);

        Assert.Equal(10, await loader.Load(1).GetResultAsync());
        Assert.Equal(20, await loader.Load(2).GetResultAsync());
        Assert.Equal(10, await loader.Load(1).GetResultAsync());
        Assert.Equal(2, calls);
    }
}
