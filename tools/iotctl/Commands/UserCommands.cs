using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;

namespace IoTStack.Cli.Commands;

/// <summary>broker-cli's <c>users</c> (admins only): API users, their passwords and their tokens.</summary>
public static class UserCommands
{
    private const string UserFields = "username role tokenEnabled createdAt";

    public static Command Create()
    {
        var user = Options.User();
        var password = Options.Password();
        var role = new Option<string>("--role", "-r") { Description = "admin, operator or reader.", DefaultValueFactory = _ => "reader", HelpName = "role" };
        role.AcceptOnlyFromAmong("admin", "operator", "reader");
        var disabled = new Option<bool>("--disabled", "-d") { Description = "Create the user with its token disabled." };
        var (refresh, disable, enable) = (Flag("--refresh", "Invalidate every token issued so far."), Flag("--disable", "Refuse the user's tokens."), Flag("--enable", "Accept the user's tokens again."));
        var plain = Options.Plain();

        var add = new Command("add", "Create a user.").With(user, password, role, disabled).Calls(async (parse, api, ct) =>
        {
            var variables = new { u = parse.GetValue(user), p = PasswordReader.Read(parse.GetValue(password), "New user's password: "), r = parse.GetValue(role), d = parse.GetValue(disabled) };
            var data = await api.SendAsync($"mutation($u: String!, $p: String!, $r: String!, $d: Boolean) {{ addUser(username: $u, password: $p, role: $r, tokenDisabled: $d) {{ {UserFields} }} }}", variables, ct);
            return Output.Json(data["addUser"]);
        });

        var rm = new Command("rm", "Remove a user.").With(user).Calls(async (parse, api, ct) =>
            Output.Json((await api.SendAsync($"mutation($u: String!) {{ removeUser(username: $u) {{ {UserFields} }} }}", new { u = parse.GetValue(user) }, ct))["removeUser"]));

        var token = new Command("token", "Refresh, disable or enable a user's token.").With(user).ExactlyOneOf(refresh, disable, enable).Calls(async (parse, api, ct) =>
        {
            var field = parse.GetValue(refresh) ? "refreshUserToken" : parse.GetValue(disable) ? "disableUserToken" : "enableUserToken";
            return Output.Json((await api.SendAsync($"mutation($u: String!) {{ {field}(username: $u) {{ {UserFields} }} }}", new { u = parse.GetValue(user) }, ct))[field]);
        });

        var chng = new Command("chng", "Change a user's password.").With(user, password).Calls(async (parse, api, ct) =>
        {
            var variables = new { u = parse.GetValue(user), p = PasswordReader.Read(parse.GetValue(password), "New password: ") };
            return Output.Json((await api.SendAsync($"mutation($u: String!, $p: String!) {{ changePassword(username: $u, password: $p) {{ {UserFields} }} }}", variables, ct))["changePassword"]);
        });

        var ls = new Command("ls", "List the users.").With(plain).Calls(async (parse, api, ct) =>
        {
            var users = await Connections.AllAsync(api, "users", UserFields, cancellationToken: ct);
            return Output.Items(users, parse.GetValue(plain), PlainLine);
        });

        return new Command("users", "API users (admins only).") { add, rm, token, chng, ls };
    }

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static string PlainLine(JsonNode user) =>
        $"{user["username"]}\t{user["role"]}\t{(user["tokenEnabled"]!.GetValue<bool>() ? "token enabled" : "token disabled")}";
}
