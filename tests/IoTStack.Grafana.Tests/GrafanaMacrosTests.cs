namespace IoTStack.Grafana.Tests;

/// <summary>The expansions Grafana's PostgreSQL data source documents, on its own examples.</summary>
public sealed class GrafanaMacrosTests
{
    private static readonly DateTimeOffset From = new(2017, 4, 21, 5, 1, 17, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2017, 4, 21, 5, 6, 17, TimeSpan.Zero);

    private static readonly GrafanaMacros Macros = new(From, To, TimeSpan.FromSeconds(20), new Dictionary<string, TemplateValue>
    {
        ["device"] = TemplateValue.One("42"),
        ["series"] = TemplateValue.Multi("temperature", "it's"),
    });

    [Theory]
    [InlineData("$__timeFilter(ts)", "ts BETWEEN '2017-04-21T05:01:17Z' AND '2017-04-21T05:06:17Z'")]
    [InlineData("$__timeFrom()", "'2017-04-21T05:01:17Z'")]
    [InlineData("$__timeTo()", "'2017-04-21T05:06:17Z'")]
    [InlineData("$__time(ts)", "ts AS \"time\"")]
    [InlineData("$__timeEpoch(ts)", "extract(epoch from ts) AS \"time\"")]
    [InlineData("$__timeGroup(ts,'5m')", "floor(extract(epoch from ts)/300)*300")]
    [InlineData("$__timeGroupAlias(ts, 1m)", "floor(extract(epoch from ts)/60)*60 AS \"time\"")]
    [InlineData("$__timeGroupAlias(ts, $__interval)", "floor(extract(epoch from ts)/20)*20 AS \"time\"")]
    [InlineData("$__unixEpochFilter(t)", "t >= 1492750877 AND t <= 1492751177")]
    [InlineData("$__unixEpochFrom()", "1492750877")]
    [InlineData("$__unixEpochTo()", "1492751177")]
    [InlineData("logical_uid = $device", "logical_uid = 42")]
    [InlineData("name IN ($series)", "name IN ('temperature','it''s')")]
    public void Expands_like_Grafana(string sql, string expected) => Assert.Equal(expected, Macros.Expand(sql));

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("20s", 20)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1d", 86400)]
    public void Parses_Grafana_intervals(string text, double seconds) =>
        Assert.Equal(seconds, GrafanaMacros.ParseInterval(text).TotalSeconds);

    [Fact]
    public void Refuses_a_macro_Grafana_does_not_have() =>
        Assert.Throws<NotSupportedException>(() => Macros.Expand("$__timeWarp(ts)"));
}
