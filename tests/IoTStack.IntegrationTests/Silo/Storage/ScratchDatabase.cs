using IoTStack.Storage;
using IoTStack.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IoTStack.IntegrationTests.Silo.Storage;

/// <summary>
/// A fresh database on the stack's PostgreSQL server, for tests of the schema and the SQL itself that must not
/// share iotdb with the running services.
/// </summary>
public static class ScratchDatabase
{
    public static async Task<string> CreateAsync(IoTStackTestApplication stack, string prefix)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var server = await stack.GetConnectionStringAsync("postgres");
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        // Persist Security Info keeps the password in NpgsqlDataSource.ConnectionString, which DbUp and Orleans connect with.
        return new NpgsqlConnectionStringBuilder(server) { Database = name, PersistSecurityInfo = true }.ConnectionString;
    }

    /// <summary>A fresh database with every IoTStack migration applied, as a silo applies them at start-up.</summary>
    public static async Task<NpgsqlDataSource> CreateMigratedAsync(IoTStackTestApplication stack, string prefix)
    {
        var dataSource = NpgsqlDataSource.Create(await CreateAsync(stack, prefix));
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
        return dataSource;
    }

    public static async Task<long> ScalarAsync(this NpgsqlDataSource dataSource, string sql)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(this NpgsqlDataSource dataSource, string sql)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
