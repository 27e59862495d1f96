using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;

namespace IoTStack.Cli.Commands;

/// <summary>broker-cli's <c>map</c>: which physical device sends to which logical device, and since when.</summary>
public static class MappingCommands
{
    private const string MappingFields = "physicalUid logicalUid startTime endTime isOpen physicalDevice { uid name } logicalDevice { uid name }";

    public static Command Create()
    {
        var (puid, luid) = (Options.Puid(required: false), Options.Luid(required: false));
        var plain = Options.Plain();

        var ls = new Command("ls", "The mapping history of one device, newest first.").ExactlyOneOf(puid, luid).With(plain).Calls(async (parse, api, ct) =>
        {
            var history = await Connections.AllAsync(
                api, "mappingHistory", MappingFields, "physicalUid: $p, logicalUid: $l", ", $p: Long, $l: Long", Uids(parse, puid, luid), cancellationToken: ct);
            return Output.Items(history, parse.GetValue(plain), PlainLine);
        });

        var start = new Command("start", "Map the physical device to the logical device from now, ending their open mappings.")
            .With(Options.Puid(), Options.Luid()).Calls(async (parse, api, ct) =>
            {
                var variables = new { p = parse.GetValue<long>("--puid"), l = parse.GetValue<long>("--luid") };
                var data = await api.SendAsync($"mutation($p: Long!, $l: Long!) {{ mapDevices(physicalUid: $p, logicalUid: $l) {{ {MappingFields} }} }}", variables, ct);
                return Output.Json(data["mapDevices"]);
            });

        var end = new Command("end", "End the open mapping of one device; prints it (null when there was none).").ExactlyOneOf(puid, luid).Calls(async (parse, api, ct) =>
        {
            var data = await api.SendAsync(
                $"mutation($p: Long, $l: Long) {{ endMapping(physicalUid: $p, logicalUid: $l) {{ {MappingFields} }} }}", Uids(parse, puid, luid), ct);
            return Output.Json(data["endMapping"]);
        });

        return new Command("map", "Physical to logical device mappings.") { ls, start, end };
    }

    private static Dictionary<string, object?> Uids(ParseResult parse, Option<long> puid, Option<long> luid) => new()
    {
        ["p"] = parse.GetResult(puid) is { Implicit: false } ? parse.GetValue(puid) : null,
        ["l"] = parse.GetResult(luid) is { Implicit: false } ? parse.GetValue(luid) : null,
    };

    private static string PlainLine(JsonNode mapping) =>
        $"{mapping["physicalUid"]} {mapping["physicalDevice"]?["name"]} --> {mapping["logicalUid"]} {mapping["logicalDevice"]?["name"]}\t"
        + $"{mapping["startTime"]} .. {mapping["endTime"]?.ToString() ?? "open"}";
}
