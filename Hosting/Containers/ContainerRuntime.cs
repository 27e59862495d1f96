using CliWrap;
using CliWrap.Buffered;

namespace IoTStack.Hosting;

/// <summary>Finds a working container runtime: a docker or podman CLI whose engine answers within a few seconds.</summary>
public class ContainerRuntime
{
    private readonly Lazy<Task<string?>> _detected;

    public ContainerRuntime() => _detected = new(DetectAsync);

    /// <summary>"docker", "podman", or null when neither has a running engine.</summary>
    public virtual Task<string?> GetAsync() => _detected.Value;

    private static async Task<string?> DetectAsync()
    {
        foreach (var candidate in new[] { "docker", "podman" })
        {
            if (!IsOnPath(candidate))
            {
                continue;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var result = await Cli.Wrap(candidate).WithArguments(["info", "--format", "{{.ServerVersion}}"])
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(timeout.Token);
                if (result.ExitCode == 0 && result.StandardOutput.Trim().Length > 0)
                {
                    return candidate;
                }
            }
            catch (OperationCanceledException)
            {
                // The CLI exists but its engine does not answer: not usable.
            }
        }

        return null;
    }

    internal static bool IsOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, executable)));
}
