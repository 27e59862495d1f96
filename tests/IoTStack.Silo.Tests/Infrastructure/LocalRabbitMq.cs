namespace IoTStack.Silo.Tests.Infrastructure;

/// <summary>
/// A throwaway RabbitMQ node on the Silo's test ports (or the broker named by IOTSTACK_TEST_AMQP), with one virtual
/// host per test class so queues never leak between tests. Stopped (node and epmd) and deleted on dispose.
/// </summary>
public sealed class LocalRabbitMq : IAsyncDisposable
{
    private const int AmqpPort = 55672;
    private const string Scripts = "/usr/lib/rabbitmq/bin";
    private readonly string? _folder;
    private readonly Dictionary<string, string?> _environment;

    private LocalRabbitMq(string amqpUri, string? folder, Dictionary<string, string?> environment)
    {
        AmqpUri = amqpUri;
        _folder = folder;
        _environment = environment;
    }

    public string AmqpUri { get; }

    public static async Task<LocalRabbitMq> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("IOTSTACK_TEST_AMQP") is { Length: > 0 } existing)
        {
            return new LocalRabbitMq(existing, null, []);
        }

        var folder = await Shell.CreateServerFolderAsync("rabbitmq", forPostgres: false);
        File.WriteAllText(Path.Combine(folder, "rabbitmq.conf"), "loopback_users = none\n");
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(folder, "empty.env"), string.Empty);
        var environment = new Dictionary<string, string?>
        {
            ["RABBITMQ_NODENAME"] = "silo-test@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = "55673",
            ["ERL_EPMD_PORT"] = "55674",
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_CTL_DIST_PORT_MIN"] = "55675",
            ["RABBITMQ_CTL_DIST_PORT_MAX"] = "55679",
            ["HOME"] = folder,
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "pid"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "empty.env"),
        };
        // Detached with its output in a file, as an operator would start it: attached to the test host's pipes the
        // node was seen to stall during boot.
        await Shell.RunAsync("bash", ["-c", $"setsid {Scripts}/rabbitmq-server > {folder}/server.out 2>&1 < /dev/null &"], environment);
        await Shell.RunAsync($"{Scripts}/rabbitmqctl", ["wait", "--timeout", "90", Path.Combine(folder, "pid")], environment);
        return new LocalRabbitMq($"amqp://guest:guest@127.0.0.1:{AmqpPort}/", folder, environment);
    }

    /// <summary>A fresh virtual host; returns its amqp URI.</summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        if (_folder is null)
        {
            return AmqpUri;
        }

        await Shell.RunAsync($"{Scripts}/rabbitmqctl", ["add_vhost", name], _environment);
        await Shell.RunAsync($"{Scripts}/rabbitmqctl", ["set_permissions", "-p", name, "guest", ".*", ".*", ".*"], _environment);
        return $"{AmqpUri}{Uri.EscapeDataString(name)}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            await Shell.RunAsync($"{Scripts}/rabbitmqctl", ["stop", Path.Combine(_folder, "pid")], _environment);
            await Shell.RunAsync("epmd", ["-kill"], _environment);
            Directory.Delete(_folder, recursive: true);
        }
    }
}
