using System.Reflection;

namespace IoTStack.Cli.Tests;

/// <summary>
/// The README's install: pack iotctl, <c>dotnet tool install --add-source</c> it into a tool path, run the installed
/// command. No stack needed; NuGet sees only the local pack (a package of the same name elsewhere must not win).
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("iotctl-install-");

    [Fact]
    public async Task The_packed_tool_installs_from_a_local_source_and_runs()
    {
        var (pack, tools) = (Path.Combine(_work.FullName, "pack"), Path.Combine(_work.FullName, "tools"));
        var config = Path.Combine(_work.FullName, "nuget.config");
        await File.WriteAllTextAsync(config, "<configuration><packageSources><clear /></packageSources></configuration>");
        var isolated = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_work.FullName, "packages") };

        // The test build already built iotctl in this configuration; pack that build rather than compile again.
        var configuration = typeof(ToolInstallTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var packed = await ProcessRunner.RunAsync("dotnet", ["pack", Path.Combine(RepositoryRoot(), "tools", "iotctl", "IoTStack.Cli.csproj"),
            "--no-build", "-c", configuration, "-o", pack], Deadline);
        Assert.True(packed.ExitCode == 0, packed.StandardOutput + packed.StandardError);

        var installed = await ProcessRunner.RunAsync("dotnet", ["tool", "install", "IoTStack.Cli", "--tool-path", tools, "--add-source", pack,
            "--configfile", config], Deadline, workingDirectory: _work.FullName, environment: isolated);
        Assert.True(installed.ExitCode == 0, installed.StandardOutput + installed.StandardError);

        var help = await ProcessRunner.RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "iotctl.exe" : "iotctl"), ["--help"], Deadline);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("report", help.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IoTStack.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No IoTStack.sln above {AppContext.BaseDirectory}.");
    }
}
