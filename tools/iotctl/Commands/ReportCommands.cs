using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;
using IoTStack.Cli.Queries;

namespace IoTStack.Cli.Commands;

/// <summary>The built-in report: its definitions, running one now, and a run's figures as CSV.</summary>
public static class ReportCommands
{
    public static Command Create()
    {
        var (limit, plain, json, file) = (new Option<int?>("--limit") { Description = "The most definitions to show.", HelpName = "n" }, Options.Plain(), Options.Json(), Options.File());
        var definitionId = new Option<long>("--id") { Description = "The report definition's id, as 'report ls' prints it.", Required = true, HelpName = "id" };
        var runId = new Option<long>("--run") { Description = "The run's id, as 'report run' prints it.", Required = true, HelpName = "runId" };
        var periodEnd = new Option<DateTimeOffset?>("--period-end") { Description = "End of the period to report on (ISO-8601, exclusive; default now).", HelpName = "timestamp" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the run has finished, then print it with its results." };
        var output = new Option<string>("--output", "-o") { Description = "Write the CSV to this file ('-', the default, is stdout).", HelpName = "file" };

        var ls = new Command("ls", "List report definitions, each with its latest run.").With(limit, plain).Calls(async (parse, api, ct) =>
            Output.Items(await ReportQueries.DefinitionsAsync(api, parse.GetValue(limit), ct), parse.GetValue(plain), PlainLine));

        var create = new Command("create", "Create a report definition from a JSON object: name, logicalUids, cron, timeZone, period.")
            .WithJsonInput(json, file).Calls(async (parse, api, ct) =>
                Output.Json(await ReportQueries.CreateDefinitionAsync(api, ReportDefinitionJson.ToInput(JsonInput.Read(parse.GetValue(json), parse.GetValue(file))), ct)));

        var run = new Command("run", "Run a report now and print the run (with --wait, once finished and with its results).")
            .With(definitionId, periodEnd, wait).Calls(async (parse, api, ct) =>
            {
                var started = await ReportQueries.RunAsync(api, parse.GetValue(definitionId), parse.GetValue(periodEnd), ct);
                return Output.Json(parse.GetValue(wait) ? await ReportRunWaiter.FinishedAsync(api, started!["id"]!.GetValue<long>(), ct) : started);
            });

        var get = new Command("get", "Show one run with its results.").With(runId).Calls(async (parse, api, ct) =>
            Output.Json(await ReportQueries.RunWithResultsAsync(api, parse.GetValue(runId), ct) ?? throw new ApiException($"No report run {parse.GetValue(runId)}.")));

        var download = new Command("download", "Download a run's figures as CSV.").With(runId, output).Calls(async (parse, api, ct) =>
        {
            var csv = await ReportCsvDownload.GetAsync(api, parse.GetValue(runId), ct);
            return Output.Bytes(csv, parse.GetValue(output));
        });

        return new Command("report", "Reports: per logical device and series, count, min, max, avg and the longest gap over a period.") { ls, create, run, get, download };
    }

    private static string PlainLine(JsonNode definition) =>
        $"{definition["id"]}\t{definition["name"]}\t{definition["cron"]} {definition["timeZone"]}\t{definition["period"]}\t"
        + $"luids {string.Join(',', definition["logicalUids"]!.AsArray())}\tlast run {definition["lastRun"]?["id"]?.ToString() ?? "none"}";
}
