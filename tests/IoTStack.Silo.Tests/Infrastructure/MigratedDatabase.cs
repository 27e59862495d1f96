using IoTStack.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IoTStack.Silo.Tests.Infrastructure;

/// <summary>A fresh database with every IoTStack migration applied, as a silo would at start-up.</summary>
public static class MigratedDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync(ServersFixture servers, string name)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var connectionString = await servers.Postgres.CreateDatabaseAsync(name);
        var dataSource = NpgsqlDataSource.Create(connectionString);
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
