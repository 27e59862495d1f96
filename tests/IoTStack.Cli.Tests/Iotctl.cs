using System.Diagnostics;

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

    public async Task<CliResult> RunAsync(string[] args, string? stdin, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iotctl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["XDG_CONFIG_HOME"] = ConfigHome;
        start.Environment.Remove("IOTSTACK_API_URL");
        start.Environment.Remove("IOTSTACK_TOKEN");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return new CliResult(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"iotctl {string.Join(' ', args)} did not finish within {Deadline}.");
        }
    }

    public void Dispose() => Directory.Delete(ConfigHome, recursive: true);
}
