using System.Globalization;
using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary><c>iotctl report</c> on telemetry a device sent through Ingest: create, ls, run (and wait), get, download.</summary>
public sealed class ReportTests(IoTStackFixture fixture) : CliTestBase(fixture)
{
    [Fact]
    public async Task A_report_on_real_telemetry_is_created_listed_run_and_downloaded_as_csv()
    {
        var (luid, sentAt) = await LogicalDeviceWithTemperaturesAsync(20, 22, 27);
        var name = Unique("daily");
        var definition = (await Cli.RunAsync("report", "create", "--json",
            $$"""{"name": "{{name}}", "logicalUids": [{{luid}}], "cron": "0 6 * * *", "timeZone": "Australia/Sydney", "period": "PT1H"}""")).Ok();
        var id = definition.GetProperty("id").GetInt64();
        Assert.Equal("PT1H", definition.GetProperty("period").GetString());
        Assert.Contains($"{id}\t{name}\t0 6 * * * Australia/Sydney\tPT1H\tluids {luid}\tlast run none", (await Cli.RunAsync("report", "ls", "--limit", "500", "--plain")).Lines);

        var waited = (await Cli.RunAsync("report", "run", "--id", $"{id}", "--wait")).Ok();
        var runId = waited.GetProperty("id").GetInt64();
        var result = Assert.Single(waited.GetProperty("results").EnumerateArray());
        Assert.Equal(("temperature", 3L, 20.0, 27.0, 23.0), (result.GetProperty("name").GetString(), result.GetProperty("count").GetInt64(),
            result.GetProperty("min").GetDouble(), result.GetProperty("max").GetDouble(), result.GetProperty("avg").GetDouble()));
        Assert.Equal(120, result.GetProperty("longestGapSeconds").GetDouble());
        Assert.Equal(sentAt, result.GetProperty("firstTimestamp").GetDateTimeOffset());

        // Without --wait: the run as runReport answered it, no results; it is now the definition's latest run.
        var quick = (await Cli.RunAsync("report", "run", "--id", $"{id}")).Ok();
        Assert.Equal(id, quick.GetProperty("definitionId").GetInt64());
        Assert.False(quick.TryGetProperty("results", out _));
        var listed = (await Cli.RunAsync("report", "ls", "--limit", "500")).Ok().EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == id);
        Assert.Equal(quick.GetProperty("id").GetInt64(), listed.GetProperty("lastRun").GetProperty("id").GetInt64());
        Assert.Equal(3, Assert.Single((await Cli.RunAsync("report", "get", "--run", $"{runId}")).Ok().GetProperty("results").EnumerateArray()).GetProperty("count").GetInt64());

        var csv = await Cli.RunAsync("report", "download", "--run", $"{runId}");
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal("logical_uid,name,count,min,max,avg,first_timestamp,last_timestamp,longest_gap_seconds", csv.Lines[0]);
        Assert.StartsWith($"{luid},temperature,3,20,27,23,", csv.Lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",120", csv.Lines[1], StringComparison.Ordinal);
        var file = Path.Combine(Cli.ConfigHome, "report.csv");
        Assert.Equal(0, (await Cli.RunAsync("report", "download", "--run", $"{runId}", "-o", file)).ExitCode);
        Assert.Equal(csv.StandardOutput, await File.ReadAllTextAsync(file));
        (await Cli.RunAsync("report", "download", "--run", $"{runId}", "-o", Path.Combine(Cli.ConfigHome, "missing", "x.csv"))).BadUsage("Cannot write", "iotctl report download");
    }

    [Fact]
    public async Task Unknown_ids_fail_with_the_Apis_message_and_bad_input_is_bad_usage()
    {
        (await Cli.RunAsync("report", "run", "--id", "987654321")).Failed("That report definition does not exist.");
        (await Cli.RunAsync("report", "get", "--run", "987654321")).Failed("No report run 987654321.");
        (await Cli.RunAsync("report", "download", "--run", "987654321")).Failed("No report run 987654321.");
        var luid = await CreateLogicalAsync(Unique("tank"));
        (await Cli.RunAsync("report", "create", "--json", $$"""{"name": "x", "logicalUids": [{{luid}}], "cron": "every day", "timeZone": "UTC", "period": "P1D"}"""))
            .Failed("'every day' is not a cron expression");
        (await Cli.RunAsync("report", "create", "--json", """{"name": "x"}""")).BadUsage("missing: logicalUids, cron, timeZone, period", "iotctl report create");
        (await Cli.RunAsync("report", "create", "--json", """{"colour": "red"}""")).BadUsage("Unknown report field 'colour'", "iotctl report create");
        (await Cli.RunAsync("report", "create", "--json", "{}", "--file", "x.json")).BadUsage("mutually exclusive", "iotctl report create");
        (await Cli.RunAsync("report", "download")).BadUsage("--run", "iotctl report download --run <runId> [--output <file>]");
        (await Cli.RunAsync("report", "run", "--id", "1", "--period-end", "yesterday")).BadUsage("yesterday", "iotctl report run");
    }

    /// <summary>A physical device mapped to a new logical device, whose temperatures (a minute, then two, apart) are stored.</summary>
    private async Task<(long Luid, DateTimeOffset FirstAt)> LogicalDeviceWithTemperaturesAsync(params double[] temperatures)
    {
        var puid = await CreatePhysicalAsync("http", Unique("tank-sensor"));
        var luid = (await Cli.RunAsync("ld", "create", "--from-puid", $"{puid}")).Ok().GetProperty("uid").GetInt64();
        var firstAt = new DateTimeOffset(DateTime.UtcNow.AddMinutes(-20).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var points = temperatures.Select((value, i) =>
            $$"""{"name": "temperature", "value": {{value.ToString(CultureInfo.InvariantCulture)}}, "timestamp": "{{firstAt.AddSeconds(60 * i * (i + 1) / 2):O}}"}""");
        await IngestSender.SendAsync(Stack, await IssueDeviceTokenAsync(puid), $$"""{"timeseries": [{{string.Join(", ", points)}}]}""");
        await SeriesPoints.WaitForAsync(Stack, luid, temperatures.Length);
        return (luid, firstAt);
    }
}
