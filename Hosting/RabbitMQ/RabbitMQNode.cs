using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IoTStack.Hosting;

/// <summary>
/// The files and variables that make a RabbitMQ node isolated from any other on the machine: its own node name,
/// ports, Erlang cookie (HOME), data, logs and config, all under the resource's state folder.
/// </summary>
internal sealed class RabbitMQNode(RabbitMQServerResource broker, string root)
{
    // The node name must be stable for one state folder (data is stored per node name) and differ between folders.
    public string NodeName { get; } = $"{broker.Name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..8]}@localhost";

    public Dictionary<string, string?> Environment { get; } = [];

    public void Write(int distributionPort, int controlPort, int epmdPort)
    {
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(root, "log"));
        var config = Path.Combine(root, "rabbitmq.conf");
        var lines = new List<string>
        {
            // Only applied when the node's database is created, so it never overwrites a changed password.
            $"default_user = {RabbitMQServerResource.UserName}",
            $"default_pass = {broker.Password.GetValue()}",
            "loopback_users = none",
        };
        if (broker.ManagementPlugin)
        {
            lines.Add("management.tcp.ip = 127.0.0.1");
            lines.Add(Invariant($"management.tcp.port = {broker.GetEndpoint("management").GetPort()}"));
        }

        File.WriteAllLines(config, lines);
        File.WriteAllText(Path.Combine(root, "enabled_plugins"), broker.ManagementPlugin ? "[rabbitmq_management].\n" : "[].\n");
        File.WriteAllText(Path.Combine(root, "rabbitmq-env.conf"), "");

        Environment["RABBITMQ_NODENAME"] = NodeName;
        Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        Environment["RABBITMQ_NODE_PORT"] = Invariant($"{broker.PrimaryEndpoint.GetPort()}");
        // The default distribution port is AMQP + 20000, invalid above 45535: always set it.
        Environment["RABBITMQ_DIST_PORT"] = Invariant($"{distributionPort}");
        // rabbitmqctl takes the first free port of this range; a range lets two of them run at once (the server
        // script's own stop on Ctrl+C and ours).
        Environment["RABBITMQ_CTL_DIST_PORT_MIN"] = Invariant($"{controlPort}");
        Environment["RABBITMQ_CTL_DIST_PORT_MAX"] = Invariant($"{Math.Min(controlPort + 10, 65535)}");
        Environment["ERL_EPMD_PORT"] = Invariant($"{epmdPort}");
        Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        Environment["HOME"] = home;
        Environment["RABBITMQ_CONFIG_FILE"] = config;
        Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins");
        Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia");
        Environment["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log");
        Environment["RABBITMQ_LOGS"] = "-";
        Environment["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid");
        Environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
