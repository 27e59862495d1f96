using System.Globalization;
using CliWrap;

namespace IoTStack.Hosting;

/// <summary>Starts Grafana from whatever this machine has; otherwise explains how to get it.</summary>
internal sealed class GrafanaLauncher(GrafanaResource grafana, LaunchContext context) : IResourceLauncher
{
    private const string HomePath = "/usr/share/grafana";
    private static readonly string[] BinaryNames = ["grafana", "grafana-server"];

    public async Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        var root = context.StateDirectoryFor(grafana);
        if (FindBinary() is { } binary)
        {
            // Resolved only once Grafana can run, so its admin password is not generated (and printed) for nothing.
            var environment = LaunchContext.ResolveEnvironment(grafana, replica);
            environment["GF_SERVER_HTTP_ADDR"] = "127.0.0.1";
            environment["GF_SERVER_HTTP_PORT"] = grafana.GetEndpoint("http").GetPort().ToString(CultureInfo.InvariantCulture);
            environment["GF_PATHS_DATA"] = Path.Combine(root, "data");
            environment["GF_PATHS_LOGS"] = Path.Combine(root, "log");
            environment["GF_PATHS_PLUGINS"] = Path.Combine(root, "plugins");
            if (grafana.ProvisioningPath is not null)
            {
                environment["GF_PATHS_PROVISIONING"] = grafana.ProvisioningPath;
            }

            string[] arguments = Path.GetFileName(binary) == "grafana" ? ["server", "--homepath", HomePath] : ["--homepath", HomePath];
            return new ProcessSpec(binary, arguments) { Environment = environment, WorkingDirectory = root };
        }

        if (await context.ContainerRuntime.GetAsync() is { } runtime)
        {
            var name = $"iotstack-{grafana.Name}-{context.Options.RunId}";
            var stop = ContainerRunCommand.Stop(runtime, name);
            return ContainerRunCommand.Build(runtime, grafana, grafana.GetContainerSpec(), name, root) with
            {
                Stop = ct => Cli.Wrap(stop.FileName).WithArguments(stop.Arguments).WithValidation(CommandResultValidation.None).ExecuteAsync(ct),
            };
        }

        throw new ResourceNotAvailableException(
            "Grafana is not installed and no container runtime (docker or podman) is running. Install Grafana from " +
            "Grafana Labs' APT repository (sudo apt-get install -y grafana) or start Docker, then restart the AppHost. " +
            "The rest of the stack runs without it.");
    }

    public async Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken)
    {
        using var response = await context.Http.GetAsync(new Uri($"{grafana.GetEndpoint("http").GetUrl(replica)}/api/health"), cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private static string? FindBinary() =>
        BinaryNames
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Append(Path.Combine(HomePath, "bin"))
                .Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
