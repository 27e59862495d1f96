using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.IntegrationTests.Silo;

namespace IoTStack.IntegrationTests.Reports;

[Collection(TwoSiloFixture.Group)]
public sealed class ReportFiguresTests(TwoSiloFixture fixture) : ReportTestBase(fixture)
{
    private static readonly DateTimeOffset PeriodEnd = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunReport_stores_figures_that_match_the_stored_points_and_serves_them_as_csv()
    {
        var random = new Random(6);
        var at = PeriodEnd.AddDays(-1).AddHours(-1); // the first hour is before the period
        var points = new List<(string, DateTimeOffset, double?, string?)>();
        while (at <= PeriodEnd) // the last point is at the exclusive end
        {
            points.Add(("temperature", at, Math.Round(random.NextDouble() * 40 - 10, 3), null));
            points.Add(("wheels/front/pressure", at.AddSeconds(7), random.Next(180, 260), null));
            points.Add(("status", at.AddSeconds(13), null, "ok"));
            at = at.AddMilliseconds(random.Next(60_000, 3_600_000));
        }

        var uid = await CreateLogicalDeviceWithPointsAsync($"report-{Guid.NewGuid():N}", points);
        var token = await OperatorAsync();
        var definitionId = await CreateDefinitionAsync(token, uid, "0 6 1 1 *", "P1D");

        var run = (await Api.DataAsync(
            "mutation($id: Long!, $end: DateTimeOffset) { runReport(definitionId: $id, periodEnd: $end) { id periodStart results { " +
            "logicalUid name count min max avg firstTimestamp lastTimestamp longestGapSeconds } } }",
            token,
            new { id = definitionId, end = PeriodEnd })).GetProperty("runReport");

        Assert.Equal(PeriodEnd.AddDays(-1), run.GetProperty("periodStart").GetDateTimeOffset());
        var expected = await ExpectedFromStoredPointsAsync(uid);
        var actual = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.Name), actual.Select(a => a.GetProperty("name").GetString()));
        foreach (var (figures, row) in expected.Zip(actual))
        {
            Assert.Equal(figures.Count, row.GetProperty("count").GetInt64());
            Assert.Equal(figures.Min, Nullable(row, "min"));
            Assert.Equal(figures.Max, Nullable(row, "max"));
            Assert.Equal(figures.Avg ?? double.NaN, Nullable(row, "avg") ?? double.NaN, 9);
            Assert.Equal(figures.First, row.GetProperty("firstTimestamp").GetDateTimeOffset());
            Assert.Equal(figures.Last, row.GetProperty("lastTimestamp").GetDateTimeOffset());
            Assert.Equal(figures.LongestGap.TotalSeconds, row.GetProperty("longestGapSeconds").GetDouble(), 6);
        }

        await AssertCsvAsync(run.GetProperty("id").GetInt64(), expected.Count);
    }

    private async Task AssertCsvAsync(long runId, int rows)
    {
        using var anonymous = await Api.Http.GetAsync($"/reports/{runId}.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/reports/{runId}.csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Api.SignInAsync(Roles.Reader));
        using var response = await Api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("logical_uid,name,count", lines[0], StringComparison.Ordinal);
        Assert.Equal(rows + 1, lines.Length);
    }

    /// <summary>The figures computed here, in C#, from the points as PostgreSQL stored them.</summary>
    private async Task<List<Figures>> ExpectedFromStoredPointsAsync(long uid)
    {
        await using var command = Database.CreateCommand(
            "SELECT name, ts, value FROM series_points WHERE logical_uid = $1 AND ts >= $2 AND ts < $3");
        command.Parameters.Add(new() { Value = uid });
        command.Parameters.Add(new() { Value = PeriodEnd.AddDays(-1) });
        command.Parameters.Add(new() { Value = PeriodEnd });
        var stored = new List<(string Name, DateTimeOffset At, double? Value)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetDouble(2)));
            }
        }

        return [.. stored.GroupBy(p => p.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(series =>
        {
            var times = series.Select(p => p.At).Order().ToList();
            var values = series.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
            return new Figures(
                series.Key, times.Count, values.Count == 0 ? null : values.Min(), values.Count == 0 ? null : values.Max(),
                values.Count == 0 ? null : values.Average(), times[0], times[^1],
                times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max());
        })];
    }

    private static double? Nullable(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();

    private sealed record Figures(string Name, long Count, double? Min, double? Max, double? Avg, DateTimeOffset First, DateTimeOffset Last, TimeSpan LongestGap);
}
