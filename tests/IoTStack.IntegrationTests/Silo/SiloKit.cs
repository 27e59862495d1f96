using IoTStack.Contracts;
using IoTStack.Messaging;
using IoTStack.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests.Silo;

/// <summary>
/// What the Silo tests need from the running stack: mapped devices of their own (uids from the identity sequence,
/// so they never collide with other tests' devices), a producer on physical_timeseries, and the series rows.
/// </summary>
public sealed class SiloKit : IAsyncDisposable
{
    private SiloKit(NpgsqlDataSource database, ConnectionFactory broker, IConnection connection)
    {
        Database = database;
        Broker = broker;
        Connection = connection;
        DeadLetters = new DeadLetters(new RabbitMqConnection(broker));
    }

    public NpgsqlDataSource Database { get; }

    public ConnectionFactory Broker { get; }

    public IConnection Connection { get; }

    public DeadLetters DeadLetters { get; }

    public static async Task<SiloKit> CreateAsync(IoTStackTestApplication stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var broker = new ConnectionFactory { Uri = new Uri(await stack.GetConnectionStringAsync("messaging")) };
        return new SiloKit(NpgsqlDataSource.Create(await stack.GetConnectionStringAsync("iotdb")), broker, await broker.CreateConnectionAsync());
    }

    /// <summary>New physical devices, each mapped since an hour ago to a new logical device; returns (physical, logical) pairs.</summary>
    public async Task<IReadOnlyList<(long Physical, long Logical)>> MappedDevicesAsync(int count) =>
        await MapToNewLogicalDevicesAsync(await InsertedUidsAsync("INSERT INTO physical_devices (source, name) SELECT 'mqtt', 'silo-test' FROM generate_series(1, $1) RETURNING uid", count));

    /// <summary>Maps each given physical device, since an hour ago, to a new logical device; returns (physical, logical) pairs.</summary>
    public async Task<IReadOnlyList<(long Physical, long Logical)>> MapToNewLogicalDevicesAsync(IReadOnlyList<long> physical)
    {
        ArgumentNullException.ThrowIfNull(physical);
        var logical = await InsertedUidsAsync("INSERT INTO logical_devices (name) SELECT 'silo-test' FROM generate_series(1, $1) RETURNING uid", physical.Count);
        await using var map = Database.CreateCommand("SELECT map_devices(p, l, now() - interval '1 hour') FROM unnest($1::bigint[], $2::bigint[]) AS m(p, l)");
        map.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = physical.ToArray() });
        map.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = logical.ToArray() });
        await map.ExecuteNonQueryAsync();
        return physical.Zip(logical).ToList();
    }

    public Task PublishAsync(IEnumerable<IReadOnlyList<NormalisedMessage>> bodies) =>
        PublishRawAsync(bodies.Select(NormalisedMessageBatch.Serialize));

    /// <summary>Persistent, confirmed publishes; returns the message ids in order.</summary>
    public async Task<IReadOnlyList<string>> PublishRawAsync(IEnumerable<byte[]> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        await using var channel = await Connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var ids = new List<string>();
        foreach (var body in bodies)
        {
            var id = Guid.NewGuid().ToString();
            ids.Add(id);
            await channel.BasicPublishAsync(Exchanges.PhysicalTimeseries, string.Empty, mandatory: false,
                new BasicProperties { Persistent = true, MessageId = id, ContentType = NormalisedMessageBatch.ContentType }, body);
        }

        return ids;
    }

    /// <summary>A count query; <paramref name="uids"/> is its $1.</summary>
    public async Task<long> RowsAsync(string sql, long[] uids)
    {
        await using var command = Database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = uids });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs an INSERT ... RETURNING uid with <paramref name="count"/> as $1; the uids in order.</summary>
    private async Task<List<long>> InsertedUidsAsync(string sql, int count)
    {
        await using var command = Database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var uids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            uids.Add(reader.GetInt64(0));
        }

        uids.Sort();
        return uids;
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Database.DisposeAsync();
    }
}
