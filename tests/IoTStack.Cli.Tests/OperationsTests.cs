using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary>Device tokens, and --help on every command.</summary>
public sealed class OperationsTests(IoTStackFixture fixture) : CliTestBase(fixture)
{
    [Fact]
    public async Task Token_issue_then_revoke_once()
    {
        var puid = await CreatePhysicalAsync("http", Unique("meter"));
        var issued = (await Cli.RunAsync("token", "issue", "--puid", $"{puid}", "--description", "field unit")).Ok();
        Assert.Equal(puid, issued.GetProperty("physicalUid").GetInt64());
        Assert.False(string.IsNullOrEmpty(issued.GetProperty("token").GetString()));
        var id = issued.GetProperty("id").GetInt64();

        Assert.True((await Cli.RunAsync("token", "revoke", "--id", $"{id}")).Ok().GetProperty("revoked").GetBoolean());
        (await Cli.RunAsync("token", "revoke", "--id", $"{id}")).Failed($"Device token {id} is not active");
        (await Cli.RunAsync("token", "issue", "--puid", "987654321")).Failed("physical device");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("login --help")]
    [InlineData("pd --help")]
    [InlineData("pd get --help")]
    [InlineData("pd ls --help")]
    [InlineData("pd lum --help")]
    [InlineData("pd create --help")]
    [InlineData("pd up --help")]
    [InlineData("pd rm --help")]
    [InlineData("ld create --help")]
    [InlineData("map start --help")]
    [InlineData("users token --help")]
    [InlineData("token issue --help")]
    [InlineData("raw get --help")]
    [InlineData("dlq ls --help")]
    [InlineData("dlq requeue --help")]
    [InlineData("report --help")]
    [InlineData("report ls --help")]
    [InlineData("report create --help")]
    [InlineData("report run --help")]
    [InlineData("report get --help")]
    [InlineData("report download --help")]
    public async Task Help_works_everywhere(string command)
    {
        var help = await Cli.RunAsync(command.Split(' '));
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_commands_are_bad_usage()
    {
        (await Cli.RunAsync("pd", "frobnicate")).BadUsage("frobnicate", "iotctl pd");
    }
}
