using CliWrap;
using CliWrap.Buffered;

namespace IoTStack.Deployment.Tests;

/// <summary>The Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal static class BicepCli
{
    public static async Task<BufferedCommandResult> RunAsync(params string[] arguments)
    {
        // NuGet extracts files without the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Repository.BicepPath, File.GetUnixFileMode(Repository.BicepPath) | UnixFileMode.UserExecute);
        }

        return await Cli.Wrap(Repository.BicepPath)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
    }

    /// <summary>Warnings and errors Bicep reported (it prints one diagnostic per line).</summary>
    public static IReadOnlyList<string> Diagnostics(BufferedCommandResult result) =>
        [.. (result.StandardOutput + result.StandardError).Split('\n')
            .Where(line => line.Contains(": Warning ", StringComparison.Ordinal) || line.Contains(": Error ", StringComparison.Ordinal))];
}
