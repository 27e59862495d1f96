using CliWrap;

namespace IoTStack.Hosting;

/// <summary>
/// RabbitMQ from the OS packages (<c>/usr/lib/rabbitmq/bin</c>, which do not switch user) as an isolated node in the
/// foreground. It is stopped with <c>rabbitmqctl stop</c> (not a signal: a shell that was started with SIGINT ignored
/// cannot trap it), then the node's epmd is stopped, which would otherwise outlive it.
/// </summary>
internal sealed class LocalRabbitMQLauncher(RabbitMQServerResource broker, LaunchContext context) : IResourceLauncher
{
    private const string Scripts = "/usr/lib/rabbitmq/bin";

    public Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        var server = Path.Combine(Scripts, "rabbitmq-server");
        if (!File.Exists(server))
        {
            throw new ResourceNotAvailableException(
                $"{server} was not found. Install RabbitMQ with: sudo apt-get install -y rabbitmq-server");
        }

        var node = new RabbitMQNode(broker, context.StateDirectoryFor(broker));
        node.Write(PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        return Task.FromResult(new ProcessSpec(server, [])
        {
            Environment = node.Environment,
            Stop = ct => Cli.Wrap(Path.Combine(Scripts, "rabbitmqctl")).WithArguments(["stop", node.Environment["RABBITMQ_PID_FILE"]!])
                .WithEnvironmentVariables(node.Environment).WithValidation(CommandResultValidation.None).ExecuteAsync(ct),
            AfterExit = ct => Cli.Wrap("epmd").WithArguments(["-kill"]).WithEnvironmentVariables(node.Environment)
                .WithValidation(CommandResultValidation.None).ExecuteAsync(ct),
        });
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) =>
        RabbitMQProbe.CheckAsync(broker, cancellationToken);
}
