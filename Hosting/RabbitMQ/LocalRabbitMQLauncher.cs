using CliWrap;

namespace IoTStack.Hosting;

/// <summary>
/// RabbitMQ from the OS packages (<c>/usr/lib/rabbitmq/bin</c>, which do not switch user) as an isolated node in the
/// foreground of its own session (<c>setsid</c>), so a terminal's Ctrl+C reaches only the AppHost, which then stops
/// the node once: SIGTERM to the Erlang VM (a graceful stop that skips booting a second VM for
/// <c>rabbitmqctl</c>), or <c>rabbitmqctl stop</c> when the VM's pid is unknown; then it stops the node's epmd, which
/// would otherwise outlive it.
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
        var pidFile = node.Environment["RABBITMQ_PID_FILE"]!;
        File.Delete(pidFile);
        return Task.FromResult(new ProcessSpec("setsid", [server])
        {
            Environment = node.Environment,
            Stop = ct => StopAsync(node, pidFile, ct),
            AfterExit = ct => Cli.Wrap("epmd").WithArguments(["-kill"]).WithEnvironmentVariables(node.Environment)
                .WithValidation(CommandResultValidation.None).ExecuteAsync(ct),
        });
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) =>
        RabbitMQProbe.CheckAsync(broker, cancellationToken);

    private static async Task StopAsync(RabbitMQNode node, string pidFile, CancellationToken cancellationToken)
    {
        var command = File.Exists(pidFile) && (await File.ReadAllTextAsync(pidFile, cancellationToken)).Trim() is { Length: > 0 } pid
            ? Cli.Wrap("kill").WithArguments(["-TERM", pid])
            : Cli.Wrap(Path.Combine(Scripts, "rabbitmqctl")).WithArguments(["stop"]).WithEnvironmentVariables(node.Environment);
        await command.WithValidation(CommandResultValidation.None).ExecuteAsync(cancellationToken);
    }
}
