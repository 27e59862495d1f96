namespace IoTStack.Hosting;

/// <summary>What launchers share: options, state folders, the container runtime, one HTTP client for probes.</summary>
public sealed class LaunchContext(HostingOptions options, ContainerRuntime containerRuntime, HttpClient http)
{
    public HostingOptions Options { get; } = options;

    public ContainerRuntime ContainerRuntime { get; } = containerRuntime;

    public HttpClient Http { get; } = http;

    /// <summary>The state folder of one resource (created on first use).</summary>
    public string StateDirectoryFor(Resource resource)
    {
        var path = Path.Combine(Options.StateDirectory, resource.Name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Resolves environment variables of one replica to their run-time values.</summary>
    public static Dictionary<string, string?> ResolveEnvironment(Resource resource, int replica) =>
        EnvironmentContext.Build(resource, isPublishMode: false, replica)
            .ToDictionary(pair => pair.Key, pair => (string?)pair.Value.GetValue(), StringComparer.Ordinal);
}
