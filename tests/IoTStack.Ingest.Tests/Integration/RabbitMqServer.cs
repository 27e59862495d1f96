using System.Globalization;

namespace IoTStack.Ingest.Tests.Integration;

/// <summary>
/// An isolated RabbitMQ node (its own node name, ports, cookie HOME and data folder), started with the scripts in
/// /usr/lib/rabbitmq/bin as shared/reference/local-servers.md describes. Restartable on the same data.
/// </summary>
internal sealed class RabbitMqServer(string root, int amqpPort, string nodeName)
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private string PidFile => Path.Combine(root, "pid");

    public string Uri => $"amqp://guest:guest@127.0.0.1:{amqpPort}/";

    private Dictionary<string, string> Environment => new()
    {
        ["RABBITMQ_NODENAME"] = nodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port(amqpPort),
        ["RABBITMQ_DIST_PORT"] = Port(amqpPort + 1),
        ["ERL_EPMD_PORT"] = Port(amqpPort + 2),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_CTL_DIST_PORT_MIN"] = Port(amqpPort + 3),
        ["RABBITMQ_CTL_DIST_PORT_MAX"] = Port(amqpPort + 8),
        ["HOME"] = Path.Combine(root, "home"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
        ["RABBITMQ_PID_FILE"] = PidFile,
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "empty.env"),
    };

    public async Task StartAsync()
    {
        Directory.CreateDirectory(Path.Combine(root, "home"));
        await File.WriteAllTextAsync(Path.Combine(root, "empty.env"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), string.Empty);

        // setsid: the node must outlive nothing but this fixture, and not share the test runner's process group.
        await LocalProcess.RunAsync("bash", ["-c", $"setsid {Bin}/rabbitmq-server > '{root}/server.out' 2>&1 < /dev/null &"], Environment);
        await LocalProcess.RunAsync($"{Bin}/rabbitmqctl", ["wait", "--timeout", "60", PidFile], Environment, TimeSpan.FromSeconds(70));
    }

    public async Task StopAsync()
    {
        await LocalProcess.RunAsync($"{Bin}/rabbitmqctl", ["stop", PidFile], Environment);
    }

    /// <summary>Stops epmd too: it outlives the node otherwise.</summary>
    public async Task StopForGoodAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await LocalProcess.RunAsync("epmd", ["-kill"], Environment);
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
