using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;
using static IoTStack.Cli.Api.DeviceJson;

namespace IoTStack.Cli.Commands;

/// <summary>broker-cli's <c>ld</c>: logical devices.</summary>
public static class LogicalDeviceCommands
{
    public static Command Create()
    {
        var luid = Options.Luid();
        var properties = Options.Properties();
        var plain = Options.Plain();
        var (json, file) = (Options.Json(), Options.File());
        var fromPuid = new Option<long>("--from-puid") { Description = "Create from this physical device (its name and location) and map it.", HelpName = "uid" };

        var get = new Command("get", "Show one logical device.").With(luid, properties).Calls(async (parse, api, ct) =>
        {
            var data = await api.SendAsync($"query($uid: Long!) {{ logicalDevice(uid: $uid) {{ {LogicalFields} }} }}", new { uid = parse.GetValue(luid) }, ct);
            return Output.Json(FromLogical(PhysicalDeviceCommands.Found(data["logicalDevice"], parse.GetValue(luid), "logical"), parse.GetValue(properties)));
        });

        var ls = new Command("ls", "List logical devices.").With(properties, plain).Calls(async (parse, api, ct) =>
        {
            var devices = await Connections.AllAsync(api, "logicalDevices", LogicalFields, cancellationToken: ct);
            var shown = new JsonArray([.. devices.Select(device => (JsonNode)FromLogical(device!, parse.GetValue(properties)))]);
            return Output.Items(shown, parse.GetValue(plain), PlainLine);
        });

        var create = new Command("create", "Create a logical device from a JSON object, or from a physical device (and map it).")
            .ExactlyOneOf(json, file, fromPuid).Calls(async (parse, api, ct) =>
            {
                if (parse.GetResult(fromPuid) is { Implicit: false })
                {
                    var made = await api.SendAsync($"mutation($uid: Long!) {{ createLogicalDeviceFromPhysical(physicalUid: $uid) {{ {LogicalFields} }} }}",
                        new { uid = parse.GetValue(fromPuid) }, ct);
                    return Output.Json(FromLogical(made["createLogicalDeviceFromPhysical"]!, withProperties: true));
                }

                var input = ToLogicalInput(JsonInput.Read(parse.GetValue(json), parse.GetValue(file)));
                var data = await api.SendAsync($"mutation($input: LogicalDeviceInput!) {{ createLogicalDevice(input: $input) {{ {LogicalFields} }} }}", new { input }, ct);
                return Output.Json(FromLogical(data["createLogicalDevice"]!, withProperties: true));
            });

        var kind = new DeviceKind("LogicalDevice", LogicalFields, ToLogicalInput, FromLogical);
        var up = DeviceEditCommands.Update(kind, luid, json, file, "Update the fields of a logical device present in a JSON object.");
        var rm = DeviceEditCommands.Remove(kind, luid, "Delete a logical device; prints it as it was.");

        return new Command("ld", "Logical devices.") { get, ls, create, up, rm };
    }

    private static string PlainLine(JsonNode device) =>
        $"{device["uid"]}\t{device["name"]}" + (device["mapped_from"] is { } physical ? $"\t<-- {physical["uid"]}\t{physical["name"]}" : "");
}
