using IoTStack.Simulator;

namespace IoTStack.Benchmark.Tests;

public class PercentilesTests
{
    [Fact]
    public void Nearest_rank_over_one_to_a_hundred()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 100).Select(i => (double)(101 - i)));
        Assert.Equal(new Percentiles(100, 50, 95, 99, 100), p);
    }

    [Fact]
    public void A_single_sample_is_every_percentile_and_none_is_empty()
    {
        Assert.Equal(new Percentiles(1, 7, 7, 7, 7), Percentiles.Of([7]));
        Assert.Equal(Percentiles.Empty, Percentiles.Of([]));
    }
}
