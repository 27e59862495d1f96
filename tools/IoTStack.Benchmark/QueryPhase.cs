using System.Diagnostics;
using IoTStack.Simulator;

namespace IoTStack.Benchmark;

/// <summary>
/// Issue #7's phase 5: GraphQL <c>series</c> queries aggregating the fixture's points into 1,000 buckets through the
/// Api's HTTP endpoint, each scenario warmed up and then timed over the runs (client-side, request to parsed answer).
/// </summary>
public static class QueryPhase
{
    private const int WarmUps = 5;

    private const string Query =
        "query($uid: Long!, $from: DateTimeOffset!, $to: DateTimeOffset!, $interval: String!, $agg: SeriesAggregate!, $names: [String!]) " +
        "{ series(logicalUid: $uid, names: $names, from: $from, to: $to, interval: $interval, aggregate: $agg, limit: 100000) { timestamp value count } }";

    public static async Task<QueryResult> RunAsync(StackUnderTest stack, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var layout = QueryLayout.EndingBefore(DateTimeOffset.UtcNow, options.QueryPoints, options.QueryBuckets);
        var (uid, loadSeconds) = await QueryFixture.LoadAsync(stack.DatabaseConnectionString, layout, cancellationToken);
        using var reader = await ApiReader.SignInAsync(stack.CreateApiClient(), "admin", stack.ApiAdminPassword, cancellationToken);
        var scenarios = new List<QueryScenarioResult>();
        foreach (var aggregate in new[] { "AVG", "MAX", "LAST" })
        {
            scenarios.Add(await TimeAsync(reader, uid, layout, aggregate, "rollup", TimeSpan.Zero, layout.Interval, options.QueryRuns, cancellationToken));
        }

        // 'from' half a minute off: the minutes the bucket boundaries cut are read raw, the rest from the rollup.
        scenarios.Add(await TimeAsync(reader, uid, layout, "AVG", "rollup, from off the minute", TimeSpan.FromSeconds(30), layout.Interval, options.QueryRuns, cancellationToken));
        // An interval of no whole number of minutes: only the raw points can answer (what every query did before the rollup).
        var odd = layout.Interval - layout.Interval / 1000;
        scenarios.Add(await TimeAsync(reader, uid, layout, "AVG", "raw points", TimeSpan.Zero, odd, options.QueryRuns, cancellationToken));
        return new QueryResult(layout.Points, layout.Buckets, layout.IsoInterval, loadSeconds, WarmUps, scenarios);
    }

    private static async Task<QueryScenarioResult> TimeAsync(
        ApiReader reader, long uid, QueryLayout layout, string aggregate, string path, TimeSpan shift, TimeSpan interval, int runs, CancellationToken cancellationToken)
    {
        var variables = new
        {
            uid, from = layout.From + shift, to = layout.To + shift, interval = System.Xml.XmlConvert.ToString(interval), agg = aggregate, names = new[] { QueryFixture.SeriesName },
        };
        var answer = await reader.DataAsync(Query, variables, cancellationToken);
        for (var i = 1; i < WarmUps; i++)
        {
            await reader.DataAsync(Query, variables, cancellationToken);
        }

        var timings = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await reader.DataAsync(Query, variables, cancellationToken);
            timings[run] = clock.Elapsed.TotalMilliseconds;
        }

        var buckets = answer.GetProperty("series");
        var counted = buckets.EnumerateArray().Sum(bucket => bucket.GetProperty("count").GetInt64());
        Console.Error.WriteLine($"  series {aggregate} ({path}): {buckets.GetArrayLength()} buckets, {counted} points, {Percentiles.Of(timings)}");
        return new QueryScenarioResult(aggregate, $"{path}, {variables.interval}", buckets.GetArrayLength(), counted, Percentiles.Of(timings));
    }
}
