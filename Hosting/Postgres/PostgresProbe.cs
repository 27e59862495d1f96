using Npgsql;

namespace IoTStack.Hosting;

/// <summary>
/// Healthy = the superuser can log in over TCP and every declared database and login exists. Creating them here
/// (as Aspire does for databases on ResourceReady) means dependants never see the server before their database.
/// </summary>
internal static class PostgresProbe
{
    public static async Task<bool> CheckAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionStringExpression.GetValue())
        {
            Database = "postgres",
            Pooling = false,
            Timeout = 3,
        };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = database.DatabaseName } },
            };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var login in server.Logins)
        {
            await PostgresLoginProvisioner.EnsureAsync(connection, login, cancellationToken);
        }

        return true;
    }
}
