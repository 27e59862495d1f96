using Npgsql;

namespace IoTStack.Silo.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 server on the Silo's test port (or the server named by IOTSTACK_TEST_POSTGRES), with one
/// fresh database per test class. Stopped and deleted on dispose.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const int Port = 55432;
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    private readonly string? _folder;

    private LocalPostgres(string adminConnectionString, string? folder)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
    }

    public string AdminConnectionString { get; }

    public static async Task<LocalPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("IOTSTACK_TEST_POSTGRES") is { Length: > 0 } existing)
        {
            return new LocalPostgres(existing, null);
        }

        var folder = await Shell.CreateServerFolderAsync("pg", forPostgres: true);
        var data = Path.Combine(folder, "data");
        await Shell.RunAsync($"{Binaries}/initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], asPostgres: true);
        await Shell.RunAsync($"{Binaries}/pg_ctl",
            ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "30", "-o",
             $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off", "start"],
            asPostgres: true);
        return new LocalPostgres($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres", folder);
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var dataSource = NpgsqlDataSource.Create(AdminConnectionString);
        await using (var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        // DbUp opens plain pooled connections; idle ones to the database just dropped are dead now.
        NpgsqlConnection.ClearAllPools();
        await using (var create = dataSource.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            await Shell.RunAsync($"{Binaries}/pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true);
            Directory.Delete(_folder, recursive: true);
        }
    }
}
