using System.Globalization;
using CliWrap;
using CliWrap.Buffered;

namespace IoTStack.Hosting;

/// <summary>
/// PostgreSQL from the OS packages: <c>initdb</c> once into the state folder, then the <c>postgres</c> server in the
/// foreground (its log is our console log; SIGINT is its "fast shutdown"). As root it runs as the postgres user.
/// </summary>
internal sealed class LocalPostgresLauncher(PostgresServerResource server, LaunchContext context) : IResourceLauncher
{
    public async Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.Find();
        var root = context.StateDirectoryFor(server);
        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "run");
        Directory.CreateDirectory(sockets);
        await RunAs.GiveToServiceUserAsync(root, "postgres", cancellationToken);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await InitDbAsync(bin, root, data, cancellationToken);
        }

        var postgres = RunAs.ServiceUser("postgres", Path.Combine(bin, "postgres"),
        [
            "-D", data,
            "-p", server.PrimaryEndpoint.GetPort().ToString(CultureInfo.InvariantCulture),
            "-k", sockets,
            "-c", "listen_addresses=127.0.0.1",
            // Every service (and replica) keeps its own connection pool; the default 100 is too few for a scaled-out stack.
            "-c", "max_connections=500",
            // IoTStack's queries are short; JIT compiling one costs more than it saves (measured: a series query whose
            // row estimate was high spent ~680 ms compiling, ~380 ms executing).
            "-c", "jit=off",
        ]);
        // Its own session: a terminal's Ctrl+C must not stop the database before the services that still use it.
        return postgres with { FileName = "setsid", Arguments = [postgres.FileName, .. postgres.Arguments] };
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) =>
        PostgresProbe.CheckAsync(server, cancellationToken);

    private async Task InitDbAsync(string bin, string root, string data, CancellationToken cancellationToken)
    {
        // initdb reads the superuser password from a file; it lives only for this call.
        var passwordFile = Path.Combine(root, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, server.Password.GetValue(), cancellationToken);
        try
        {
            await RunAs.GiveToServiceUserAsync(passwordFile, "postgres", cancellationToken);
            var initdb = RunAs.ServiceUser("postgres", Path.Combine(bin, "initdb"),
            [
                "-D", data, "-U", PostgresServerResource.SuperUser, $"--pwfile={passwordFile}",
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
            ]);
            var result = await Cli.Wrap(initdb.FileName).WithArguments(initdb.Arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed ({result.ExitCode}): {result.StandardError.Trim()}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
