using IoTStack.Simulator;

namespace IoTStack.Benchmark.Tests;

public class RatePacerTests
{
    [Fact]
    public void Without_a_ramp_the_target_rate_is_due_from_the_start()
    {
        var pacer = new RatePacer(1000, TimeSpan.Zero);
        Assert.Equal(2500, pacer.DueBy(TimeSpan.FromSeconds(2.5)), 6);
    }

    [Fact]
    public void The_ramp_sends_half_of_the_full_rate_during_it_and_joins_the_full_rate_continuously()
    {
        var pacer = new RatePacer(1000, TimeSpan.FromSeconds(10));
        Assert.Equal(0, pacer.DueBy(TimeSpan.Zero));
        Assert.Equal(1250, pacer.DueBy(TimeSpan.FromSeconds(5)), 6);
        Assert.Equal(5000, pacer.DueBy(TimeSpan.FromSeconds(10)), 6);
        Assert.Equal(6000, pacer.DueBy(TimeSpan.FromSeconds(11)), 6);
        Assert.Equal(500, pacer.RateAt(TimeSpan.FromSeconds(5)), 6);
    }
}
