using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;
using static IoTStack.Cli.Api.DeviceJson;

namespace IoTStack.Cli.Commands;

/// <summary>broker-cli's <c>pd</c>: physical devices.</summary>
public static class PhysicalDeviceCommands
{
    public static Command Create()
    {
        var puid = Options.Puid();
        var properties = Options.Properties();
        var source = Options.Source();
        var plain = Options.Plain();
        var (json, file) = (Options.Json(), Options.File());

        var get = new Command("get", "Show one physical device.").With(puid, properties).Calls(async (parse, api, ct) =>
        {
            var data = await api.SendAsync($"query($uid: Long!) {{ physicalDevice(uid: $uid) {{ {PhysicalFields} }} }}", new { uid = parse.GetValue(puid) }, ct);
            return Output.Json(FromPhysical(Found(data["physicalDevice"], parse.GetValue(puid)), parse.GetValue(properties)));
        });

        Command List(string name, string description, string field) =>
            new Command(name, description).With(source, properties, plain).Calls(async (parse, api, ct) =>
            {
                var devices = await Connections.AllAsync(api, field, PhysicalFields, "source: $source", ", $source: String",
                    new() { ["source"] = parse.GetValue(source) }, cancellationToken: ct);
                var shown = new JsonArray([.. devices.Select(device => (JsonNode)FromPhysical(device!, parse.GetValue(properties)))]);
                return Output.Items(shown, parse.GetValue(plain), PlainLine);
            });

        var create = new Command("create", "Create a physical device from a JSON object.").WithJsonInput(json, file).Calls(async (parse, api, ct) =>
        {
            var input = ToPhysicalInput(JsonInput.Read(parse.GetValue(json), parse.GetValue(file)));
            var data = await api.SendAsync($"mutation($input: PhysicalDeviceInput!) {{ createPhysicalDevice(input: $input) {{ {PhysicalFields} }} }}", new { input }, ct);
            return Output.Json(FromPhysical(data["createPhysicalDevice"]!, withProperties: true));
        });

        var kind = new DeviceKind("PhysicalDevice", PhysicalFields, ToPhysicalInput, FromPhysical);
        var up = DeviceEditCommands.Update(kind, puid, json, file, "Update the fields of a physical device present in a JSON object.");
        var rm = DeviceEditCommands.Remove(kind, puid, "Delete a physical device; prints it as it was.");

        return new Command("pd", "Physical devices.")
        {
            get,
            List("ls", "List physical devices, mapped or not.", "physicalDevices"),
            List("lum", "List physical devices that are not mapped.", "unmappedPhysicalDevices"),
            create,
            up,
            rm,
        };
    }

    /// <summary>broker-cli's plain line: uid, source, name and the logical device it sends to, if any.</summary>
    private static string PlainLine(JsonNode device) =>
        $"{device["uid"]}\t{device["source_name"]}\t{device["name"]}"
        + (device["mapped_to"] is { } logical ? $"\t--> {logical["uid"]}\t{logical["name"]}" : "");

    internal static JsonNode Found(JsonNode? device, long uid, string kind = "physical") =>
        device ?? throw new ApiException($"No {kind} device with uid {uid}.");
}
