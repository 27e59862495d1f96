using CliWrap;

namespace IoTStack.Hosting;

/// <summary>Runs a server from its image in the foreground (<c>run --rm</c>) and stops it with <c>stop</c>.</summary>
internal sealed class ContainerLauncher(
    Resource resource, LaunchContext context, Func<int, CancellationToken, Task<bool>> healthCheck) : IResourceLauncher
{
    public async Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        var runtime = await context.ContainerRuntime.GetAsync()
            ?? throw new ResourceNotAvailableException(
                $"Container mode was asked for {resource.Name}, but no docker or podman engine answers. " +
                "Start Docker (or install podman), or run without --IoTStack:Containers=true to use the local server.");
        var name = $"iotstack-{resource.Name}-{context.Options.RunId}";
        var spec = ((IContainerResource)resource).GetContainerSpec();
        var run = ContainerRunCommand.Build(runtime, resource, spec, name, context.StateDirectoryFor(resource));
        var stop = ContainerRunCommand.Stop(runtime, name);
        return run with
        {
            Stop = ct => Cli.Wrap(stop.FileName).WithArguments(stop.Arguments).WithValidation(CommandResultValidation.None).ExecuteAsync(ct),
        };
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) => healthCheck(replica, cancellationToken);
}
