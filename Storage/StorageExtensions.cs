using IoTStack.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class StorageExtensions
{
    /// <summary>The connection string name the AppHost injects as <c>ConnectionStrings__iotdb</c>.</summary>
    public const string DatabaseConnectionName = "iotdb";

    /// <summary>
    /// Registers the shared <see cref="NpgsqlDataSource"/>, its readiness check, and (when <paramref name="applyMigrations"/>)
    /// the start-up migration of the schema.
    /// </summary>
    public static TBuilder AddIoTStackDatabase<TBuilder>(this TBuilder builder, bool applyMigrations = true)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{DatabaseConnectionName}' is missing: set ConnectionStrings__{DatabaseConnectionName} (the AppHost does).");

        // Persist Security Info keeps the password in NpgsqlDataSource.ConnectionString, which DbUp (in
        // DatabaseMigrator) connects with; without it DbUp logs in with no password and scram-sha-256 refuses it.
        var withPassword = new NpgsqlConnectionStringBuilder(connectionString) { PersistSecurityInfo = true }.ConnectionString;
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(withPassword).Build());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        if (applyMigrations)
        {
            builder.Services.AddHostedService<DatabaseMigrator>();
        }

        return builder;
    }
}
