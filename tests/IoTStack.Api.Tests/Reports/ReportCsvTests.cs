using IoTStack.Api.Reports;

namespace IoTStack.Api.Tests.Reports;

public sealed class ReportCsvTests
{
    [Fact]
    public void Rows_are_written_in_the_invariant_culture_with_quoted_names_and_empty_cells_for_text_series()
    {
        var at = new DateTimeOffset(2026, 1, 9, 12, 0, 0, TimeSpan.FromHours(10));
        var csv = ReportCsv.Write(
        [
            new ReportResultRow(7, "temp, inside", 3, -1.5, 2.25, 0.5, at, at.AddMinutes(30), TimeSpan.FromSeconds(1234.5)),
            new ReportResultRow(7, "status", 2, null, null, null, at, at, TimeSpan.Zero),
        ]);

        Assert.Equal(
            ReportCsv.Header + "\r\n" +
            "7,\"temp, inside\",3,-1.5,2.25,0.5,2026-01-09T02:00:00.000000Z,2026-01-09T02:30:00.000000Z,1234.5\r\n" +
            "7,status,2,,,,2026-01-09T02:00:00.000000Z,2026-01-09T02:00:00.000000Z,0\r\n",
            csv);
    }
}
