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

    private async Task<List<(DateTimeOffset ScheduledFor, long Results)>> ScheduledRunsAsync(long definitionId)
    {
        await using var command = Database.CreateCommand(
            "SELECT r.scheduled_for, (SELECT count(*) FROM report_results x WHERE x.run_id = r.id) FROM report_runs r " +
            "WHERE r.definition_id = $1 AND r.scheduled_for IS NOT NULL ORDER BY r.scheduled_for");
        command.Parameters.Add(new() { Value = definitionId });
        var runs = new List<(DateTimeOffset, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)));
        }

        return runs;
    }
}
