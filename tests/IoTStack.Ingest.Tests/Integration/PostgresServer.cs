namespace IoTStack.Ingest.Tests.Integration;

/// <summary>A throwaway PostgreSQL 15 cluster run as the postgres user (it refuses root), trust auth on 127.0.0.1.</summary>
internal sealed class PostgresServer(string root, int port)
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private string Data => Path.Combine(root, "data");

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Maximum Pool Size=50";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(root);
        await LocalProcess.RunAsync("chown", ["postgres", root]);
        await AsPostgres($"{Bin}/initdb", "-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await RestartAsync();
        await AsPostgres($"{Bin}/psql", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-c", "CREATE DATABASE iotdb");
    }

    /// <summary>Starts the existing cluster again (after <see cref="StopAsync"/>).</summary>
    public Task RestartAsync() => AsPostgres($"{Bin}/pg_ctl", "-D", Data, "-l", Path.Combine(root, "log"), "-w", "-t", "30",
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off", "start");

    public Task StopAsync() => AsPostgres($"{Bin}/pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    private static Task<string> AsPostgres(params string[] command) => LocalProcess.RunAsync("runuser", ["-u", "postgres", "--", .. command]);
}
