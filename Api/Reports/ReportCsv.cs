using System.Globalization;
using System.Text;

namespace IoTStack.Api.Reports;

/// <summary>
/// Writes report rows as RFC 4180 CSV: invariant culture, ISO-8601 UTC timestamps, the gap in seconds. Hand-written:
/// no CSV library is among our packages, and only the series name needs quoting.
/// </summary>
public static class ReportCsv
{
    public const string Header = "logical_uid,name,count,min,max,avg,first_timestamp,last_timestamp,longest_gap_seconds";

    public static string Write(IEnumerable<ReportResultRow> rows)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.LogicalUid},{Quote(row.Name)},{row.Count},{Number(row.Min)},{Number(row.Max)},{Number(row.Avg)},")
                .Append(CultureInfo.InvariantCulture, $"{Time(row.FirstTimestamp)},{Time(row.LastTimestamp)},{Number(row.LongestGap.TotalSeconds)}\r\n");
        }

        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
