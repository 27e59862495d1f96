using IoTStack.Contracts.Reports;

namespace IoTStack.Silo.Tests.Reports;

public sealed class ReportScheduleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_occurrence_is_read_in_the_definitions_time_zone()
    {
        var schedule = ReportSchedule.Parse("0 6 * * *", "Australia/Sydney");

        // 06:00 in Sydney on 23 March 2026 (daylight saving, UTC+11) is 19:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 3, 22, 19, 0, 0, TimeSpan.Zero), schedule.NextAfter(Monday.AddDays(-1)));
    }

    [Fact]
    public void Six_fields_mean_seconds_first()
    {
        var schedule = ReportSchedule.Parse("*/10 * * * * *", "UTC");

        Assert.Equal(Monday.AddSeconds(10), schedule.NextAfter(Monday));
    }

    [Fact]
    public void Latest_due_is_the_last_occurrence_up_to_now_and_none_before_the_first()
    {
        var hourly = ReportSchedule.Parse("0 * * * *", "UTC");

        Assert.Null(hourly.LatestDue(Monday, Monday.AddMinutes(59)));
        Assert.Equal(Monday.AddHours(1), hourly.LatestDue(Monday, Monday.AddHours(1)));
        // Five missed occurrences: only the latest is due.
        Assert.Equal(Monday.AddHours(5), hourly.LatestDue(Monday, Monday.AddHours(5).AddMinutes(30)));
    }

    [Theory]
    [InlineData("not a cron", "UTC", "not a cron expression")]
    [InlineData("0 6 * * *", "Mars/Olympus_Mons", "not a known IANA time zone")]
    public void Bad_definitions_are_refused_with_a_reason(string cron, string zone, string reason)
    {
        Assert.False(ReportSchedule.TryParse(cron, zone, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
