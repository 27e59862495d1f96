using System.Globalization;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Api.Series;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>
/// The per-minute rollup (migration 1350) must answer exactly what the raw points answer. Points cross the
/// 2026-11/2026-12 partition boundary, come in several batches (so minutes are updated, not only created), include
/// text readings, a text-only bucket, ties at one timestamp, a re-delivered batch and a deletion; 'from' lies on a
/// minute or off it (then the minutes bucket boundaries cut are read raw).
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class SeriesRollupTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private static readonly DateTimeOffset From = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(2).AddSeconds(37.5); // the partial last minute comes from raw points
    private static readonly string[] SeriesNames = ["a", "b"];
    private static readonly (string Interval, double Shift)[] Cases = [("PT5M", 0), ("PT1M", 0), ("PT1H", 0), ("PT5M", 17.25), ("PT1M", 7.25), ("PT1H", -2399.5)];

    public static TheoryData<string> Aggregates => new(Enum.GetNames<SeriesAggregate>().Select(a => a.ToUpperInvariant()));

    [Theory]
    [MemberData(nameof(Aggregates))]
    public async Task Rollup_answers_equal_the_raw_points_answers(string aggregate)
    {
        var uid = await CreateLogicalDeviceWithPointsAsync("rollup-" + aggregate, Batch(0));
        await AppendAsync(uid, Batch(1));
        await AppendAsync(uid, Batch(1)); // re-delivered: ON CONFLICT DO NOTHING must leave the rollup alone
        await AppendAsync(uid, [("a", From.AddMinutes(7).AddSeconds(3), 5, null), ("a", From.AddMinutes(7).AddSeconds(3), 9, null)]); // a tie
        await AppendAsync(uid, [("c", From.AddMinutes(90).AddSeconds(1), null, "only text in this bucket")]);
        await ExecuteAsync("DELETE FROM series_points WHERE logical_uid = $1 AND name = 'a' AND ts >= $2 AND ts < $3 AND value > 80", uid, From.AddMinutes(50), From.AddMinutes(70));
        var token = await Api.SignInAsync(Roles.Reader);

        // 'from' on a minute (whole minutes from the rollup) and off it (bucket boundaries cut minutes, read raw).
        foreach (var (interval, shift) in Cases)
        {
            var from = From.AddSeconds(shift);
            var answer = await SeriesAsync(token, uid, aggregate, interval, from);
            var expected = await RawAsync(uid, Enum.Parse<SeriesAggregate>(aggregate, ignoreCase: true), System.Xml.XmlConvert.ToTimeSpan(interval), from);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(r => (r.Name, r.Bucket, r.Count)), answer.Select(r => (r.Name, r.Bucket, r.Count)));
            foreach (var (actual, raw) in answer.Zip(expected))
            {
                Assert.True(Same(raw.Value, actual.Value), $"{interval} from {from:O} {actual.Name} {actual.Bucket:O}: rollup {actual.Value}, raw {raw.Value}");
            }
        }
    }

    [Fact]
    public async Task Bucket_edges_belong_to_the_later_bucket_and_to_is_exclusive()
    {
        var uid = await CreateLogicalDeviceWithPointsAsync("rollup-edges",
        [
            ("a", From, 1, null),
            ("a", From.AddMinutes(5).AddTicks(-10), 2, null), // last microsecond of the first bucket
            ("a", From.AddMinutes(5), 4, null),
            ("a", From.AddMinutes(10).AddSeconds(20), 8, null), // raw tail, inside [from, to)
            ("a", From.AddMinutes(10).AddSeconds(30), 16, null), // at 'to': outside
        ]);
        var token = await Api.SignInAsync(Roles.Reader);

        var rows = (await Api.DataAsync(
            "query($uid: Long!, $from: DateTimeOffset!, $to: DateTimeOffset!) { series(logicalUid: $uid, from: $from, to: $to, interval: \"PT5M\", aggregate: SUM) { timestamp value count } }",
            token, new { uid, from = From, to = From.AddMinutes(10).AddSeconds(30) })).GetProperty("series").EnumerateArray()
            .Select(r => (r.GetProperty("timestamp").GetDateTimeOffset(), r.GetProperty("value").GetDouble(), r.GetProperty("count").GetInt32())).ToList();

        Assert.Equal([(From, 3.0, 2), (From.AddMinutes(5), 4.0, 1), (From.AddMinutes(10), 8.0, 1)], rows);
    }

    /// <summary>Three points a minute per series (offsets differ per batch), values not monotonic, every 13th a text reading.</summary>
    private static List<(string, DateTimeOffset, double?, string?)> Batch(int batch) =>
        [.. Enumerable.Range(0, 400).SelectMany(i => SeriesNames.Select(name =>
        {
            var at = From.AddSeconds(i * 20 + batch * 7.25 + (name == "b" ? 3 : 0));
            return i % 13 == 5 ? (name, at, (double?)null, (string?)"text") : (name, at, (double?)((i * 37 + batch * 11) % 101 + 0.1), (string?)null);
        }))];

    private async Task<List<(string Name, DateTimeOffset Bucket, double? Value, long Count)>> SeriesAsync(string token, long uid, string aggregate, string interval, DateTimeOffset from) =>
        [.. (await Api.DataAsync(
            "query($uid: Long!, $from: DateTimeOffset!, $to: DateTimeOffset!, $i: String!, $agg: SeriesAggregate) { series(logicalUid: $uid, from: $from, to: $to, interval: $i, aggregate: $agg) { name timestamp value count } }",
            token, new { uid, from, to = To, i = interval, agg = aggregate })).GetProperty("series").EnumerateArray()
            .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("timestamp").GetDateTimeOffset(),
                r.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : r.GetProperty("value").GetDouble(), r.GetProperty("count").GetInt64()))];

    /// <summary>The oracle: the same buckets aggregated straight from series_points with the raw query's expressions.</summary>
    private async Task<List<(string Name, DateTimeOffset Bucket, double? Value, long Count)>> RawAsync(long uid, SeriesAggregate aggregate, TimeSpan interval, DateTimeOffset from)
    {
        await using var command = Database.CreateCommand(
            $"SELECT name, date_bin($4, ts, $2) AS bucket, {SeriesSqlBuilder.AggregateExpression(aggregate)}, count(value) FROM series_points " +
            "WHERE logical_uid = $1 AND ts >= $2 AND ts < $3 GROUP BY name, bucket ORDER BY name, bucket");
        command.Parameters.Add(new() { Value = uid });
        command.Parameters.Add(new() { Value = from, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = To, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = interval });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, DateTimeOffset, double?, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.GetInt64(3)));
        }

        return rows;
    }

    /// <summary>Equal, except sums (and so averages) that may differ in the last bits: the additions happen in another order.</summary>
    private static bool Same(double? expected, double? actual) =>
        expected is null ? actual is null : actual is not null && Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value));

    private async Task AppendAsync(long uid, IEnumerable<(string Name, DateTimeOffset At, double? Value, string? Text)> points)
    {
        foreach (var chunk in points.Chunk(200))
        {
            await using var insert = Database.CreateCommand(
                "INSERT INTO series_points (logical_uid, physical_uid, name, ts, value, text_value, correlation_id) " +
                "SELECT $1, 0, n, t, v, x, md5($1 || n || t::text || coalesce(v::text, x))::uuid FROM unnest($2::text[], $3::timestamptz[], $4::float8[], $5::text[]) AS p(n, t, v, x) " +
                "ON CONFLICT DO NOTHING");
            insert.Parameters.Add(new() { Value = uid });
            insert.Parameters.Add(new() { Value = chunk.Select(p => p.Name).ToArray() });
            insert.Parameters.Add(new() { Value = chunk.Select(p => p.At).ToArray() });
            insert.Parameters.Add(new() { Value = chunk.Select(p => p.Value).ToArray() });
            insert.Parameters.Add(new() { Value = chunk.Select(p => p.Text).ToArray() });
            await insert.ExecuteNonQueryAsync();
        }
    }
}
