using System.Text.Json;

namespace IoTStack.Cli.Tests;

/// <summary>What one run of iotctl did: its exit code and output.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public JsonElement Json => JsonDocument.Parse(StandardOutput).RootElement.Clone();

    public string[] Lines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts success and returns the JSON document printed.</summary>
    public JsonElement Ok()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {StandardError}");
        return Json;
    }

    /// <summary>Asserts a failed operation (exit 1) whose stderr says <paramref name="message"/>.</summary>
    public void Failed(string message)
    {
        Assert.True(ExitCode == 1, $"exit {ExitCode}: {StandardOutput}{StandardError}");
        Assert.Contains(message, StandardError, StringComparison.Ordinal);
    }

    /// <summary>Asserts bad usage (exit 2) with the problem and the command's usage line on stderr.</summary>
    public void BadUsage(string message, string usage)
    {
        Assert.True(ExitCode == 2, $"exit {ExitCode}: {StandardOutput}{StandardError}");
        Assert.Contains(message, StandardError, StringComparison.Ordinal);
        Assert.Contains($"Usage: {usage}", StandardError, StringComparison.Ordinal);
    }
}
