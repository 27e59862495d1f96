using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Console;
using IoTStack.Cli.Queries;

namespace IoTStack.Cli.Commands;

/// <summary>broker-cli's <c>map</c>: which physical device sends to which logical device, and since when.</summary>
public static class MappingCommands
{
    public static Command Create()
    {
        var (puid, luid) = (Options.Puid(required: false), Options.Luid(required: false));
        var plain = Options.Plain();

        var ls = new Command("ls", "The mapping history of one device, newest first.").ExactlyOneOf(puid, luid).With(plain).Calls(async (parse, api, ct) =>
        {
            var (p, l) = Uids(parse, puid, luid);
            return Output.Items(await MappingQueries.HistoryAsync(api, p, l, ct), parse.GetValue(plain), PlainLine);
        });

        var start = new Command("start", "Map the physical device to the logical device from now, ending their open mappings.")
            .With(Options.Puid(), Options.Luid()).Calls(async (parse, api, ct) =>
                Output.Json(await MappingQueries.StartAsync(api, parse.GetValue<long>("--puid"), parse.GetValue<long>("--luid"), ct)));

        var end = new Command("end", "End the open mapping of one device; prints it (null when there was none).").ExactlyOneOf(puid, luid).Calls(async (parse, api, ct) =>
        {
            var (p, l) = Uids(parse, puid, luid);
            return Output.Json(await MappingQueries.EndAsync(api, p, l, ct));
        });

        return new Command("map", "Physical to logical device mappings.") { ls, start, end };
    }

    /// <summary>The one uid given (the other is null): an option's default must not reach the Api as a second uid.</summary>
    private static (long? Physical, long? Logical) Uids(ParseResult parse, Option<long> puid, Option<long> luid) => (
        parse.GetResult(puid) is { Implicit: false } ? parse.GetValue(puid) : null,
        parse.GetResult(luid) is { Implicit: false } ? parse.GetValue(luid) : null);

    private static string PlainLine(JsonNode mapping) =>
        $"{mapping["physicalUid"]} {mapping["physicalDevice"]?["name"]} --> {mapping["logicalUid"]} {mapping["logicalDevice"]?["name"]}\t"
        + $"{mapping["startTime"]} .. {mapping["endTime"]?.ToString() ?? "open"}";
}
