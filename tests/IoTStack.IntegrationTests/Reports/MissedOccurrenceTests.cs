using System.Globalization;
using IoTStack.IntegrationTests.Silo;

namespace IoTStack.IntegrationTests.Reports;

/// <summary>An occurrence that passes while every silo is down runs once when the cluster comes back.</summary>
[Collection(TwoSiloFixture.Group)]
public sealed class MissedOccurrenceTests(TwoSiloFixture fixture) : ReportTestBase(fixture)
{
    [Fact]
    public async Task An_occurrence_missed_with_all_silos_down_runs_once_when_they_return()
    {
        var uid = await CreateLogicalDeviceWithPointsAsync($"missed-{Guid.NewGuid():N}", [("level", DateTimeOffset.UtcNow, 2.5, null)]);
        // A cron that fires once, 40 s from now (its next match is a year later).
        var occurrence = DateTimeOffset.UtcNow.AddSeconds(40);
        occurrence = occurrence.AddTicks(-(occurrence.Ticks % TimeSpan.TicksPerSecond));
        var cron = string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3} {4} *", occurrence.Second, occurrence.Minute, occurrence.Hour, occurrence.Day, occurrence.Month);
        var definitionId = await CreateDefinitionAsync(await OperatorAsync(), uid, cron, "PT1H", "UTC");

        await Stack.StopResourceAsync("silo");
        try
        {
            Assert.True(DateTimeOffset.UtcNow < occurrence, "the silos took too long to stop; the occurrence was not missed");
            // Waiting for the wall clock is the point here: the occurrence must pass while the cluster is down.
            await Task.Delay(occurrence - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
            Assert.Empty(await ScheduledRunsAsync(definitionId));
        }
        finally
        {
            await Stack.StartResourceAsync("silo");
        }

        var runs = await Eventually.PollAsync(() => ScheduledRunsAsync(definitionId), all => all.Count > 0, TimeSpan.FromMinutes(2));
        var run = Assert.Single(runs);
        Assert.Equal(occurrence, run.ScheduledFor);
        Assert.Equal(1, run.Results);
    }
}
