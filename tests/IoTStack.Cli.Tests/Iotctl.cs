namespace IoTStack.Cli.Tests;

/// <summary>
/// Runs the built iotctl (copied next to the tests by the project reference) as a separate process, as an operator
/// would, with its own config folder (XDG_CONFIG_HOME) so logins never touch the real user's.
/// </summary>
public sealed class Iotctl : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public Iotctl(Uri apiUrl)
    {
        ApiUrl = apiUrl;
        ConfigHome = Directory.CreateTempSubdirectory("iotctl-config-").FullName;
    }

    public Uri ApiUrl { get; }

    public string ConfigHome { get; }

    public string TokenFile => Path.Combine(ConfigHome, "iotstack", "iotctl.json");

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    public Task<CliResult> RunAsync(string[] args, string? stdin, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // The caller's login must not leak in: only this instance's config folder, unless a test sets the variables.
        var variables = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = ConfigHome, ["IOTSTACK_API_URL"] = null, ["IOTSTACK_TOKEN"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "iotctl.dll"), .. args], Deadline, stdin, environment: variables);
    }

    public void Dispose() => Directory.Delete(ConfigHome, recursive: true);
}
