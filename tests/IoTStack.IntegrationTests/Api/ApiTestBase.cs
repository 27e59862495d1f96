using IoTStack.Testing;
using Npgsql;

namespace IoTStack.IntegrationTests.Api;

/// <summary>Tests against the stack's running Api process, with a client and the stack's database.</summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    protected ApiTestBase(IoTStackFixture fixture)
    {
        Stack = fixture.Stack;
    }

    protected IoTStackTestApplication Stack { get; }

    protected ApiClient Api { get; private set; } = null!;

    protected NpgsqlDataSource Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = NpgsqlDataSource.Create(await Stack.GetConnectionStringAsync("iotdb"));
        Api = new ApiClient(Stack.CreateHttpClient("api"), Database);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>A logical device with points stored directly (what the Silo would have written), returning its uid.</summary>
    protected async Task<long> CreateLogicalDeviceWithPointsAsync(string name, IEnumerable<(string Name, DateTimeOffset At, double? Value, string? Text)> points)
    {
        await using var create = Database.CreateCommand("INSERT INTO logical_devices (name) VALUES ($1) RETURNING uid");
        create.Parameters.Add(new() { Value = name });
        var uid = (long)(await create.ExecuteScalarAsync())!;
        await using var connection = await Database.OpenConnectionAsync();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY series_points (logical_uid, physical_uid, name, ts, value, text_value, correlation_id) FROM STDIN (FORMAT BINARY)");
        foreach (var point in points)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(uid);
            await copy.WriteAsync(0L);
            await copy.WriteAsync(point.Name);
            await copy.WriteAsync(point.At, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(point.Value, NpgsqlTypes.NpgsqlDbType.Double);
            await copy.WriteAsync(point.Text, NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(Guid.NewGuid());
        }

        await copy.CompleteAsync();
        return uid;
    }

    /// <summary>The first column of every row a statement returns.</summary>
    protected async Task<List<T>> QueryAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    protected async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand Command(string sql, object[] parameters)
    {
        var command = Database.CreateCommand(sql);
        command.Parameters.AddRange(parameters.Select(value => new NpgsqlParameter { Value = value }).ToArray());
        return command;
    }
}
