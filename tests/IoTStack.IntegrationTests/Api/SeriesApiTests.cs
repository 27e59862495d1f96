using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>Series bucketed with date_bin, every aggregate checked against the points it summarises.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class SeriesApiTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("AVG")]
    [InlineData("MIN")]
    [InlineData("MAX")]
    [InlineData("SUM")]
    [InlineData("COUNT")]
    [InlineData("FIRST")]
    [InlineData("LAST")]
    public async Task Each_bucket_holds_the_aggregate_of_its_points(string aggregate)
    {
        // 600 points a minute apart, values that are not monotonic so FIRST/LAST/MIN/MAX differ: buckets of an hour.
        var points = Enumerable.Range(0, 600).Select(i => (At: Start.AddMinutes(i), Value: (double)((i * 37) % 101))).ToList();
        var uid = await CreateLogicalDeviceWithPointsAsync("series-" + aggregate, points.Select(p => ("level", p.At, (double?)p.Value, (string?)null)));
        var token = await Api.SignInAsync(Roles.Reader);

        var rows = (await Api.DataAsync(
            "query($uid: Long!, $agg: SeriesAggregate) { series(logicalUid: $uid, names: [\"level\"], from: \"2026-03-01T00:00:00Z\", to: \"2026-03-01T10:00:00Z\", interval: \"PT1H\", aggregate: $agg) { timestamp value count } }",
            token, new { uid, agg = aggregate })).GetProperty("series").EnumerateArray().ToList();

        Assert.Equal(10, rows.Count);
        foreach (var (row, hour) in rows.Select((row, hour) => (row, hour)))
        {
            var bucket = points.Where(p => p.At >= Start.AddHours(hour) && p.At < Start.AddHours(hour + 1)).Select(p => p.Value).ToList();
            var expected = aggregate switch
            {
                "AVG" => bucket.Average(),
                "MIN" => bucket.Min(),
                "MAX" => bucket.Max(),
                "SUM" => bucket.Sum(),
                "COUNT" => bucket.Count,
                "FIRST" => bucket[0],
                _ => bucket[^1],
            };
            Assert.Equal(Start.AddHours(hour), row.GetProperty("timestamp").GetDateTimeOffset());
            Assert.Equal(expected, row.GetProperty("value").GetDouble(), 9);
            Assert.Equal(60, row.GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task Without_an_interval_the_raw_points_come_back_in_order_up_to_the_limit()
    {
        var uid = await CreateLogicalDeviceWithPointsAsync("raw", [("a", Start, 1, null), ("a", Start.AddSeconds(1), 2, null), ("b", Start, null, "ok")]);
        var token = await Api.SignInAsync(Roles.Reader);

        var rows = (await Api.DataAsync(
            "query($uid: Long!) { series(logicalUid: $uid, from: \"2026-03-01T10:00:00+10:00\", to: \"2026-03-02T00:00:00Z\", limit: 2) { name value text } }", token, new { uid }))
            .GetProperty("series").EnumerateArray().Select(row => (row.GetProperty("name").GetString(), row.GetProperty("value").GetDouble())).ToList();

        Assert.Equal([("a", 1.0), ("a", 2.0)], rows);
    }

    [Fact]
    public async Task Series_names_that_are_paths_form_a_tree_and_latest_values_are_per_series()
    {
        var uid = await CreateLogicalDeviceWithPointsAsync("car",
        [
            ("wheels/front/left/pressure", Start, 2.1, null),
            ("wheels/front/right/pressure", Start, 2.2, null),
            ("wheels/rear/left/pressure", Start, 2.3, null),
            ("engine/consumption", Start, 7.5, null),
            ("engine/consumption", Start.AddMinutes(1), 7.9, null),
        ]);
        var token = await Api.SignInAsync(Roles.Reader);

        var data = await Api.DataAsync(
            "query($uid: Long!) { seriesTree(logicalUid: $uid) { name isSeries children { name children { name children { path isSeries } } } } latest(logicalUid: $uid) { name value } }",
            token, new { uid });

        var tree = data.GetProperty("seriesTree");
        Assert.Equal(["engine", "wheels"], tree.EnumerateArray().Select(node => node.GetProperty("name").GetString()));
        var frontLeft = tree[1].GetProperty("children")[0].GetProperty("children")[0].GetProperty("children")[0];
        Assert.Equal("wheels/front/left/pressure", frontLeft.GetProperty("path").GetString());
        Assert.True(frontLeft.GetProperty("isSeries").GetBoolean());
        var latest = data.GetProperty("latest").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value").GetDouble());
        Assert.Equal(7.9, latest["engine/consumption"]);
        Assert.Equal(4, latest.Count);
    }

    [Fact]
    public async Task Raw_messages_are_found_by_correlation_id()
    {
        var correlationId = Guid.NewGuid();
        await using (var insert = Database.CreateCommand(
            "INSERT INTO raw_messages (correlation_id, received_at, source, payload, status, reason) VALUES ($1, now(), 'http', $2, 'rejected', 'no such device')"))
        {
            insert.Parameters.Add(new() { Value = correlationId });
            insert.Parameters.Add(new() { Value = "{\"temperature\": 21}"u8.ToArray() });
            await insert.ExecuteNonQueryAsync();
        }

        var token = await Api.SignInAsync(Roles.Reader);
        var message = (await Api.DataAsync("query($id: Guid!) { rawMessages(correlationId: $id) { edges { node { status reason payloadText } } } }", token, new { id = correlationId }))
            .GetProperty("rawMessages").GetProperty("edges")[0].GetProperty("node");

        Assert.Equal(("rejected", "no such device", "{\"temperature\": 21}"),
            (message.GetProperty("status").GetString(), message.GetProperty("reason").GetString(), message.GetProperty("payloadText").GetString()));
    }
}
