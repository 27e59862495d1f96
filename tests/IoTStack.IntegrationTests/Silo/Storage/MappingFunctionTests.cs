using IoTStack.Contracts.Devices;
using IoTStack.Silo.Storage;
using IoTStack.Testing;
using Npgsql;

namespace IoTStack.IntegrationTests.Silo.Storage;

[Collection(IoTStackFixture.Collection)]
public sealed class MappingFunctionTests(IoTStackFixture fixture) : IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateMigratedAsync(fixture.Stack, "mapping");
        await _database.ExecuteAsync(
            """
            INSERT INTO physical_devices (uid, source, name) VALUES (1, 'mqtt', 'a'), (2, 'mqtt', 'b');
            INSERT INTO logical_devices (uid, name) VALUES (10, 'tank'), (20, 'dam');
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Mapping_ends_open_mappings_of_both_devices_and_keeps_the_history()
    {
        var store = new PostgresMappingStore(_database);

        await store.MapAsync(1, 10);
        await store.MapAsync(2, 20);
        var change = await store.MapAsync(1, 20);

        Assert.Equal([2L], change.EndedPhysicalUids);
        Assert.Equal(3, await _database.ScalarAsync("SELECT count(*) FROM physical_logical_map"));
        Assert.Equal(1, await _database.ScalarAsync("SELECT count(*) FROM physical_logical_map WHERE end_time IS NULL"));
        var history = await store.GetLogicalHistoryAsync(20);
        Assert.Equal([2L, 1L], history.Select(mapping => mapping.PhysicalUid));
        Assert.Equal(history[0].End, history[1].Start);
        Assert.NotNull(await store.EndAsync(1));
        Assert.Null(await store.EndAsync(1));
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_mapping_of_a_device()
    {
        await _database.ExecuteAsync("INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time) VALUES (2, 10, now() - interval '1 day')");

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            _database.ExecuteAsync("INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time) VALUES (2, 20, now())"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task Mapping_an_unknown_device_is_reported_as_such()
    {
        await Assert.ThrowsAsync<UnknownDeviceException>(() => new PostgresMappingStore(_database).MapAsync(99, 10));
    }
}
