using System.Diagnostics;
using System.Globalization;
using IoTStack.Api.Auth;
using IoTStack.Testing;
using Xunit.Abstractions;

namespace IoTStack.IntegrationTests.Api;

/// <summary>
/// The closing figure: p50/p95 latency of a <c>series</c> query that aggregates 1,000,000 stored points
/// into 1,000 buckets, measured end to end through POST /graphql: answered with the per-minute rollup ('from' on and
/// off the minute) and from the raw points (an interval of no whole number of minutes). Prints the figures; asserts only a generous ceiling, since the machine is shared.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class SeriesLatencyTests(IoTStackFixture fixture, ITestOutputHelper output) : ApiTestBase(fixture)
{
    private const int Points = 1_000_000;
    private const int Runs = 30;

    [Fact]
    public async Task A_million_points_into_a_thousand_buckets()
    {
        var uid = await FillAsync();
        var token = await Api.SignInAsync(Roles.Reader);

        // Ten-minute buckets from a whole minute: whole minutes from the per-minute rollup (series_minutes).
        await MeasureAsync(token, uid, "2026-01-01T00:00:00Z", "2026-01-07T22:40:00Z", "PT10M", 1000, "rollup");
        // The same buckets half a minute later: the minutes the bucket boundaries cut are read raw, the rest rolled up.
        await MeasureAsync(token, uid, "2026-01-01T00:00:30Z", "2026-01-07T22:40:30Z", "PT10M", 1000, "rollup, from off the minute");
        // An interval of no whole number of minutes: only the raw points can answer.
        await MeasureAsync(token, uid, "2026-01-01T00:00:00Z", "2026-01-07T22:40:00Z", "PT9M59.4S", 1002, "raw points");
    }

    private async Task MeasureAsync(string token, long uid, string from, string to, string interval, int buckets, string path)
    {
        var variables = new { uid, from, to, interval };
        const string Query =
            "query($uid: Long!, $from: DateTimeOffset!, $to: DateTimeOffset!, $interval: String!) { series(logicalUid: $uid, names: [\"level\"], from: $from, to: $to, interval: $interval, aggregate: AVG) { timestamp value count } }";

        var first = (await Api.DataAsync(Query, token, variables)).GetProperty("series");
        Assert.Equal(buckets, first.GetArrayLength());
        Assert.InRange(first.EnumerateArray().Sum(bucket => bucket.GetProperty("count").GetInt32()), Points - 50, Points);

        var timings = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await Api.DataAsync(Query, token, variables);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        var p50 = timings[Runs / 2];
        var p95 = timings[(int)Math.Ceiling(Runs * 0.95) - 1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"series, {Points:N0} points → {buckets:N0} buckets of {interval} (AVG, {path}), {Runs} runs: p50 {p50:F0} ms, p95 {p95:F0} ms"));
        Assert.True(p95 < 10_000, $"p95 {p95:F0} ms");
    }

    /// <summary>One point every 0.6 s for 600,000 seconds (10,000 minutes from 2026-01-01), written by PostgreSQL itself.</summary>
    private async Task<long> FillAsync()
    {
        await using var create = Database.CreateCommand("INSERT INTO logical_devices (name) VALUES ('latency') RETURNING uid");
        var uid = (long)(await create.ExecuteScalarAsync())!;
        await using var fill = Database.CreateCommand(
            "INSERT INTO series_points (logical_uid, physical_uid, name, ts, value, correlation_id) " +
            "SELECT $1, 0, 'level', timestamptz '2026-01-01 00:00:00+00' + i * interval '600 milliseconds', 20 + sin(i / 1000.0), gen_random_uuid() " +
            "FROM generate_series(0, $2 - 1) i");
        fill.Parameters.Add(new() { Value = uid });
        fill.Parameters.Add(new() { Value = Points });
        fill.CommandTimeout = 300;
        await fill.ExecuteNonQueryAsync();
        await using var analyze = Database.CreateCommand("ANALYZE series_points; ANALYZE series_minutes");
        await analyze.ExecuteNonQueryAsync();
        return uid;
    }
}
