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

    public async Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        var server = Path.Combine(Scripts, "rabbitmq-server");
        if (!File.Exists(server))
        {
            throw new ResourceNotAvailableException(
                $"{server} was not found. Install RabbitMQ with: sudo apt-get install -y rabbitmq-server");
        }

        var root = context.StateDirectoryFor(broker);
        var epmdPortFile = Path.Combine(root, "epmd.port");
        if (File.Exists(epmdPortFile))
        {
            // An epmd left by a previous node that could not stop it (the AppHost was killed).
            await KillEpmdAsync(new Dictionary<string, string?> { ["ERL_EPMD_PORT"] = (await File.ReadAllTextAsync(epmdPortFile, cancellationToken)).Trim() }, cancellationToken);
        }

        var node = new RabbitMQNode(broker, root);
        node.Write(PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        await File.WriteAllTextAsync(epmdPortFile, node.Environment["ERL_EPMD_PORT"], cancellationToken);
        var pidFile = node.Environment["RABBITMQ_PID_FILE"]!;
        File.Delete(pidFile);
        return new ProcessSpec("setsid", [server])
        {
            Environment = node.Environment,
            Stop = ct => StopAsync(node, pidFile, ct),
            AfterExit = async ct =>
            {
                await KillEpmdAsync(node.Environment, ct);
                File.Delete(epmdPortFile);
            },
        };
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) =>
        broker.Probe.CheckAsync(cancellationToken);

    private static Task KillEpmdAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        Cli.Wrap("epmd").WithArguments(["-kill"]).WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None).ExecuteAsync(cancellationToken);

    private static async Task StopAsync(RabbitMQNode node, string pidFile, CancellationToken cancellationToken)
    {
        var command = File.Exists(pidFile) && (await File.ReadAllTextAsync(pidFile, cancellationToken)).Trim() is { Length: > 0 } pid
            ? Cli.Wrap("kill").WithArguments(["-TERM", pid])
            : Cli.Wrap(Path.Combine(Scripts, "rabbitmqctl")).WithArguments(["stop"]).WithEnvironmentVariables(node.Environment);
        await command.WithValidation(CommandResultValidation.None).ExecuteAsync(cancellationToken);
    }
}
