using System.Globalization;

namespace IoTStack.Hosting;

/// <summary>
/// Builds <c>docker run</c> / <c>podman run</c> for a resource. Secret values never appear on the command line
/// (where <c>ps</c> would show them): <c>-e NAME</c> makes the CLI copy them from its own environment.
/// </summary>
public static class ContainerRunCommand
{
    public static ProcessSpec Build(string runtime, Resource resource, ContainerSpec spec, string containerName, string stateDirectory)
    {
        List<string> arguments = ["run", "--rm", "--name", containerName];
        foreach (var endpoint in resource.Endpoints)
        {
            var target = endpoint.TargetPort ?? endpoint.GetPort();
            arguments.AddRange(["-p", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{endpoint.GetPort()}:{target}")]);
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in spec.Environment)
        {
            arguments.AddRange(["-e", name]);
            environment[name] = value.GetValue();
        }

        foreach (var volume in spec.Volumes)
        {
            var source = Path.Combine(stateDirectory, volume.Name);
            arguments.AddRange(["-v", $"{source}:{volume.Target}{(volume.ReadOnly ? ":ro" : "")}"]);
        }

        foreach (var mount in spec.BindMounts)
        {
            arguments.AddRange(["-v", $"{mount.Source}:{mount.Target}{(mount.ReadOnly ? ":ro" : "")}"]);
        }

        arguments.Add(spec.Image);
        arguments.AddRange(spec.Arguments);
        return new ProcessSpec(runtime, arguments) { Environment = environment };
    }

    public static ProcessSpec Stop(string runtime, string containerName) =>
        new(runtime, ["stop", "--time", "10", containerName]);
}
