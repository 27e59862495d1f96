using System.CommandLine;
using IoTStack.Cli.Console;

namespace IoTStack.Cli.Commands;

/// <summary>Device credentials (admins only): the token a physical device sends over MQTT or HTTP.</summary>
public static class TokenCommands
{
    public static Command Create()
    {
        var puid = Options.Puid();
        var description = new Option<string>("--description") { Description = "What the token is for.", HelpName = "text" };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When the token stops working (ISO-8601).", HelpName = "timestamp" };
        var id = new Option<long>("--id") { Description = "The token's id, as printed by 'token issue'.", Required = true, HelpName = "id" };

        var issue = new Command("issue", "Issue a token for a physical device; it is shown only this once.").With(puid, description, expires).Calls(async (parse, api, ct) =>
        {
            var variables = new { p = parse.GetValue(puid), d = parse.GetValue(description), e = parse.GetValue(expires)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            var data = await api.SendAsync(
                "mutation($p: Long!, $d: String, $e: DateTimeOffset) { issueDeviceToken(physicalUid: $p, description: $d, expiresAt: $e) { id physicalUid token expiresAt } }", variables, ct);
            return Output.Json(data["issueDeviceToken"]);
        });

        var revoke = new Command("revoke", "Revoke a device token.").With(id).Calls(async (parse, api, ct) =>
        {
            var data = await api.SendAsync("mutation($id: Long!) { revokeDeviceToken(tokenId: $id) }", new { id = parse.GetValue(id) }, ct);
            return data["revokeDeviceToken"]!.GetValue<bool>()
                ? Output.Json(new System.Text.Json.Nodes.JsonObject { ["id"] = parse.GetValue(id), ["revoked"] = true })
                : throw new Api.ApiException($"Device token {parse.GetValue(id)} is not active (unknown or already revoked).");
        });

        return new Command("token", "Device tokens (admins only).") { issue, revoke };
    }
}
