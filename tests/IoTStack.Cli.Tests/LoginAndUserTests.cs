using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary><c>iotctl login</c> and broker-cli's <c>users</c> commands, including logins that stop working.</summary>
public sealed class LoginAndUserTests(IoTStackFixture fixture) : CliTestBase(fixture)
{
    [Fact]
    public async Task Login_stores_the_token_for_its_owner_only()
    {
        Assert.True(File.Exists(Cli.TokenFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Cli.TokenFile));
        }

        Assert.Contains("admin", (await Cli.RunAsync("users", "ls", "--plain")).StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_failures()
    {
        using var fresh = new Iotctl(Cli.ApiUrl);
        (await fresh.RunAsync(["login", "--url", Cli.ApiUrl.ToString(), "-u", "admin"], stdin: "wrong-password\n")).Failed("Login failed for admin");
        (await fresh.RunAsync(["login", "-u", "admin"], stdin: "x\n")).BadUsage("Give --url or set IOTSTACK_API_URL", "iotctl login");
        (await fresh.RunAsync("pd", "ls")).Failed("Not logged in.");

        // Scripts skip the config file: IOTSTACK_API_URL and IOTSTACK_TOKEN are enough.
        var token = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Cli.TokenFile)).RootElement.GetProperty("Token").GetString();
        var environment = new Dictionary<string, string?> { ["IOTSTACK_API_URL"] = Cli.ApiUrl.ToString(), ["IOTSTACK_TOKEN"] = token };
        Assert.Equal(0, (await fresh.RunAsync(["ld", "ls"], null, environment)).ExitCode);
        environment["IOTSTACK_TOKEN"] = "not-a-jwt";
        (await fresh.RunAsync(["ld", "ls"], null, environment)).Failed("Not logged in, or the login expired or was revoked");
    }

    [Fact]
    public async Task Users_add_chng_token_ls_and_rm_as_IoTa_describes()
    {
        var name = Unique("my_user");
        var added = (await Cli.RunAsync("users", "add", "-u", name, "-p", "super_strong_password", "--role", "operator")).Ok();
        Assert.Equal("operator", added.GetProperty("role").GetString());
        (await Cli.RunAsync("users", "add", "-u", name, "-p", "super_strong_password")).Failed("That username is taken.");

        using var user = new Iotctl(Cli.ApiUrl);
        Assert.Equal(0, (await user.RunAsync(["login", "--url", Cli.ApiUrl.ToString(), "-u", name], stdin: "super_strong_password\n")).ExitCode);
        Assert.Equal(0, (await user.RunAsync("pd", "ls")).ExitCode);
        (await user.RunAsync("users", "ls")).Failed("");

        // Refreshing the user's token is how an admin ends its logins: the stored one has expired.
        (await Cli.RunAsync("users", "token", "-u", name, "--refresh")).Ok();
        (await user.RunAsync("pd", "ls")).Failed("Not logged in, or the login expired or was revoked");

        (await Cli.RunAsync(["users", "chng", "-u", name], stdin: "another_strong_password\n")).Ok();
        (await user.RunAsync(["login", "--url", Cli.ApiUrl.ToString(), "-u", name], stdin: "super_strong_password\n")).Failed("Login failed");
        Assert.Equal(0, (await user.RunAsync(["login", "--url", Cli.ApiUrl.ToString(), "-u", name], stdin: "another_strong_password\n")).ExitCode);

        Assert.False((await Cli.RunAsync("users", "token", "-u", name, "--disable")).Ok().GetProperty("tokenEnabled").GetBoolean());
        (await user.RunAsync("pd", "ls")).Failed("login expired or was revoked");
        Assert.True((await Cli.RunAsync("users", "token", "-u", name, "--enable")).Ok().GetProperty("tokenEnabled").GetBoolean());
        Assert.Contains($"{name}\toperator\ttoken enabled", (await Cli.RunAsync("users", "ls", "--plain")).Lines);

        (await Cli.RunAsync("users", "rm", "-u", name)).Ok();
        (await Cli.RunAsync("users", "rm", "-u", name)).Failed("user");
        (await Cli.RunAsync("users", "token", "-u", name, "--refresh", "--disable")).BadUsage("mutually exclusive", "iotctl users token");
        (await Cli.RunAsync("users", "add", "-u", name, "-p", "x", "--role", "king")).BadUsage("king", "iotctl users add");
    }
}
