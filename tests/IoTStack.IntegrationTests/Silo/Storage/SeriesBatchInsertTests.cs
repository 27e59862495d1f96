using IoTStack.Contracts.Devices;
using IoTStack.Silo.Storage;
using IoTStack.Testing;
using Npgsql;

namespace IoTStack.IntegrationTests.Silo.Storage;

[Collection(IoTStackFixture.Collection)]
public sealed class SeriesBatchInsertTests(IoTStackFixture fixture) : IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync() => _database = await ScratchDatabase.CreateMigratedAsync(fixture.Stack, "series_copy");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Writing_the_same_points_again_adds_no_rows()
    {
        var copy = new SeriesBatchInsert(_database);
        var at = DateTimeOffset.UtcNow;
        var rows = Enumerable.Range(0, 1000)
            .Select(i => new SeriesRow(7, new SeriesPoint($"p{i % 10}", at.AddSeconds(i), i, null, 3, Guid.NewGuid())))
            .ToArray();

        await copy.WriteAsync(rows, CancellationToken.None);
        await copy.WriteAsync(rows, CancellationToken.None);
        await copy.WriteAsync([.. rows.Take(10), .. rows.Take(10)], CancellationToken.None);

        Assert.Equal(1000, await _database.ScalarAsync("SELECT count(*) FROM series_points WHERE logical_uid = 7"));
    }

    [Fact]
    public async Task Points_land_in_monthly_partitions_and_stragglers_in_the_default_one()
    {
        var copy = new SeriesBatchInsert(_database);
        var now = DateTimeOffset.UtcNow;
        await copy.WriteAsync(
            [
                new SeriesRow(8, new SeriesPoint("now", now, 1, null, 3, Guid.NewGuid())),
                new SeriesRow(8, new SeriesPoint("ancient", new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero), null, "text", 3, Guid.NewGuid())),
            ],
            CancellationToken.None);

        Assert.Equal(1, await _database.ScalarAsync("SELECT count(*) FROM series_points_default WHERE logical_uid = 8 AND name = 'ancient'"));
        Assert.Equal(1, await _database.ScalarAsync(
            $"SELECT count(*) FROM series_points_{now:yyyy_MM} WHERE logical_uid = 8 AND name = 'now'"));
    }
}
