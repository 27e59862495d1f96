using IoTStack.Hosting;
using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary>Each test class gets its own config folder, logged in (through iotctl itself) as the stack's first admin.</summary>
[Collection(IoTStackFixture.Collection)]
public abstract class CliTestBase(IoTStackFixture fixture) : IAsyncLifetime
{
    protected IoTStackTestApplication Stack { get; } = fixture.Stack;

    protected Iotctl Cli { get; private set; } = null!;

    /// <summary>The password the AppHost generated for the first admin (what an operator reads from its first start).</summary>
    protected string AdminPassword => ((ParameterResource)Stack.Application.GetResource("api-admin-password")).GetValue();

    public async Task InitializeAsync()
    {
        Cli = new Iotctl(Stack.GetEndpoint("api"));
        var login = await Cli.RunAsync(["login", "--url", Cli.ApiUrl.ToString(), "-u", "admin"], stdin: AdminPassword + "\n");
        Assert.True(login.ExitCode == 0, login.StandardError);
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A unique name so tests sharing the stack never see each other's devices.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected async Task<long> CreatePhysicalAsync(string source, string name) =>
        (await Cli.RunAsync("pd", "create", "--json", $$"""{"source_name": "{{source}}", "name": "{{name}}"}""")).Ok().GetProperty("uid").GetInt64();

    /// <summary>A device token issued with iotctl, as an admin hands one to a field device.</summary>
    protected async Task<string> IssueDeviceTokenAsync(long puid) =>
        (await Cli.RunAsync("token", "issue", "--puid", $"{puid}")).Ok().GetProperty("token").GetString()!;

    protected async Task<long> CreateLogicalAsync(string name) =>
        (await Cli.RunAsync("ld", "create", "--json", $$"""{"name": "{{name}}"}""")).Ok().GetProperty("uid").GetInt64();
}
