using IoTStack.Storage;
using IoTStack.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IoTStack.IntegrationTests.Silo.Storage;

[Collection(IoTStackFixture.Collection)]
public sealed class MigrationTests(IoTStackFixture fixture)
{
    [Fact]
    public async Task Several_silos_starting_at_once_apply_every_migration_exactly_once()
    {
        var connectionString = await ScratchDatabase.CreateAsync(fixture.Stack, "migrations");
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
