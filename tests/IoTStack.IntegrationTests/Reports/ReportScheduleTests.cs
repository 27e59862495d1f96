using IoTStack.IntegrationTests.Silo;

namespace IoTStack.IntegrationTests.Reports;

/// <summary>A real cron schedule on two silos: every occurrence runs exactly once, also across a silo's death.</summary>
[Collection(TwoSiloFixture.Group)]
public sealed class ReportScheduleTests(TwoSiloFixture fixture) : ReportTestBase(fixture)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_five_second_cron_fires_within_the_test_and_each_occurrence_runs_once_on_two_silos()
    {
        var uid = await CreateLogicalDeviceWithPointsAsync($"scheduled-{Guid.NewGuid():N}", [("level", DateTimeOffset.UtcNow, 1.5, null)]);
        var definitionId = await CreateDefinitionAsync(await OperatorAsync(), uid, "*/5 * * * * *", "PT10M");

        // The silos' activator finds the definition within its scan interval (10 s), then the reminder fires.
        var firstRuns = await Eventually.PollAsync(() => ScheduledRunsAsync(definitionId), runs => runs.Count >= 3, TimeSpan.FromMinutes(2));
        Assert.True(firstRuns.Count >= 3, $"only {firstRuns.Count} scheduled runs");

        Stack.KillReplica("silo", 0);
        var afterKill = DateTimeOffset.UtcNow;
        var runs = await Eventually.PollAsync(
            () => ScheduledRunsAsync(definitionId), all => all.Count(run => run.ScheduledFor > afterKill) >= 2, TimeSpan.FromMinutes(3));
        Assert.True(runs.Count(run => run.ScheduledFor > afterKill) >= 2, "the schedule stopped when one silo died");

        Assert.Equal(runs.Count, runs.Select(run => run.ScheduledFor).Distinct().Count());
        Assert.All(runs, run => Assert.Equal(0, run.ScheduledFor.ToUnixTimeMilliseconds() % (long)Every.TotalMilliseconds));
        // Each run stored the built-in report over the ten minutes before its occurrence.
        Assert.All(runs, run => Assert.Equal(1, run.Results));
    }
}
