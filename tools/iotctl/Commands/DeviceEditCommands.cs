using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Console;

namespace IoTStack.Cli.Commands;

/// <summary>
/// How 'pd' and 'ld' differ for the commands they share: the GraphQL type ("PhysicalDevice" or "LogicalDevice"), the
/// fields asked for, and the translation between broker-cli's JSON and the Api's input and output.
/// </summary>
public sealed record DeviceKind(string TypeName, string Fields, Func<JsonObject, JsonObject> ToInput, Func<JsonNode, bool, JsonObject> Shown);

/// <summary>'up' and 'rm', the same for physical and logical devices: one mutation each, the device printed with its properties.</summary>
public static class DeviceEditCommands
{
    public static Command Update(DeviceKind kind, Option<long> uid, Option<string> json, Option<string> file, string description) =>
        new Command("up", description).With(uid).WithJsonInput(json, file).Calls(async (parse, api, ct) =>
        {
            var input = kind.ToInput(JsonInput.Read(parse.GetValue(json), parse.GetValue(file)));
            var data = await api.SendAsync(
                $"mutation($uid: Long!, $input: {kind.TypeName}Input!) {{ update{kind.TypeName}(uid: $uid, input: $input) {{ {kind.Fields} }} }}",
                new { uid = parse.GetValue(uid), input }, ct);
            return Output.Json(kind.Shown(data[$"update{kind.TypeName}"]!, true));
        });

    public static Command Remove(DeviceKind kind, Option<long> uid, string description) =>
        new Command("rm", description).With(uid).Calls(async (parse, api, ct) =>
        {
            var data = await api.SendAsync(
                $"mutation($uid: Long!) {{ delete{kind.TypeName}(uid: $uid) {{ {kind.Fields} }} }}", new { uid = parse.GetValue(uid) }, ct);
            return Output.Json(kind.Shown(data[$"delete{kind.TypeName}"]!, true));
        });
}
