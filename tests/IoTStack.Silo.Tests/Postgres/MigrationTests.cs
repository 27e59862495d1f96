using IoTStack.Storage;
using IoTStack.Silo.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IoTStack.Silo.Tests.Postgres;

[Collection(ServersGroup.Name)]
public sealed class MigrationTests(ServersFixture servers)
{
    [Fact]
    public async Task Several_silos_starting_at_once_apply_every_migration_exactly_once()
    {
        var connectionString = await servers.Postgres.CreateDatabaseAsync("migrations");
        var starters = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
        });
        await Task.WhenAll(starters);

        await using var database = NpgsqlDataSource.Create(connectionString);
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(name => name.EndsWith(".sql", StringComparison.Ordinal));
        Assert.Equal(scripts, await database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
        Assert.True(await database.ScalarAsync("SELECT count(*) FROM OrleansQuery") >= 20);
        Assert.True(await database.ScalarAsync("SELECT count(*) FROM pg_inherits WHERE inhparent = 'series_points'::regclass") >= 5);
    }
}
