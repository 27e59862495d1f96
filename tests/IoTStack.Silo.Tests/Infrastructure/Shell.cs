using CliWrap;
using CliWrap.Buffered;

namespace IoTStack.Silo.Tests.Infrastructure;

/// <summary>Runs the server tools; as root, PostgreSQL's tools run as the postgres user (they refuse root).</summary>
public static class Shell
{
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, bool asPostgres = false)
    {
        var (file, args) = asPostgres && IsRoot ? ("runuser", new[] { "-u", "postgres", "--", program }.Concat(arguments)) : (program, arguments);
        var result = await Cli.Wrap(file)
            .WithArguments(args)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError}{result.StandardOutput}");
    }

    /// <summary>A folder the server may write to (owned by postgres when we are root).</summary>
    public static async Task<string> CreateServerFolderAsync(string name, bool forPostgres)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iotstack-silo-tests-{name}-{Environment.ProcessId}");
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        if (forPostgres && IsRoot)
        {
            await RunAsync("chown", ["postgres", path]);
        }

        return path;
    }
}
