using IoTStack.Silo.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IoTStack.Silo.Tests.Reports;

/// <summary>The scheduler's decisions with a clock the test moves: no sleeps, no silo.</summary>
public sealed class ReportOccurrenceRunnerTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 23, 8, 0, 30, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Created);
    private readonly FakeReportRuns _runs = new();
    private readonly ReportOccurrenceRunner _runner;

    public ReportOccurrenceRunnerTests()
    {
        _runner = new ReportOccurrenceRunner(_runs, _clock, NullLogger<ReportOccurrenceRunner>.Instance);
        _runs.Define(new ScheduledDefinition(7, "0 * * * *", "UTC", Created));
    }

    [Fact]
    public async Task Nothing_runs_before_the_first_occurrence_and_the_reminder_is_armed_for_it()
    {
        var untilNext = await _runner.TickAsync(7, "silo-a", CancellationToken.None);

        Assert.Empty(_runs.Runs);
        Assert.Equal(TimeSpan.FromMinutes(59.5), untilNext);
    }

    [Fact]
    public async Task An_occurrence_runs_once_when_its_time_comes_even_if_ticked_twice()
    {
        _clock.Advance(TimeSpan.FromMinutes(59.5));

        var untilNext = await _runner.TickAsync(7, "silo-a", CancellationToken.None);
        await _runner.TickAsync(7, "silo-b", CancellationToken.None);

        var run = Assert.Single(_runs.Runs);
        Assert.Equal(Created.AddMinutes(59.5), run.Occurrence);
        Assert.Equal("silo-a", run.RunBy);
        Assert.Equal(TimeSpan.FromHours(1), untilNext);
    }

    [Fact]
    public async Task Occurrences_missed_while_the_cluster_was_down_run_once_on_return()
    {
        await _runner.TickAsync(7, "silo-a", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(5)); // all silos down over five occurrences

        var untilNext = await _runner.TickAsync(7, "silo-a", CancellationToken.None);

        var run = Assert.Single(_runs.Runs);
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 13, 0, 0, TimeSpan.Zero), run.Occurrence);
        Assert.Equal(TimeSpan.FromMinutes(59.5), untilNext);

        _clock.Advance(TimeSpan.FromHours(1));
        await _runner.TickAsync(7, "silo-a", CancellationToken.None);
        Assert.Equal(2, _runs.Runs.Count);
    }

    [Fact]
    public async Task A_deleted_definition_ends_its_schedule()
    {
        _runs.Delete(7);

        Assert.Null(await _runner.TickAsync(7, "silo-a", CancellationToken.None));
        Assert.Empty(_runs.Runs);
    }
}
