using IoTStack.Contracts.Devices;
using Npgsql;

namespace IoTStack.Silo.Storage;

/// <summary>Reads the mapping history and mutates it through the map_devices / end_physical_mapping functions (0111).</summary>
public sealed class PostgresMappingStore(NpgsqlDataSource dataSource) : IMappingStore
{
    private const string HistoryColumns = "SELECT physical_uid, logical_uid, start_time, end_time FROM physical_logical_map";

    public Task<IReadOnlyList<DeviceMapping>> GetPhysicalHistoryAsync(long physicalUid, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync($"{HistoryColumns} WHERE physical_uid = $1 ORDER BY start_time", physicalUid, cancellationToken);

    public Task<IReadOnlyList<DeviceMapping>> GetLogicalHistoryAsync(long logicalUid, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync($"{HistoryColumns} WHERE logical_uid = $1 ORDER BY start_time", logicalUid, cancellationToken);

    public Task<MappingChange> MapAsync(long physicalUid, long logicalUid, CancellationToken cancellationToken = default) =>
        TransientFailures.GuardAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var ended = new List<long>();
            try
            {
                await using var map = new NpgsqlCommand("SELECT ended_physical_uid FROM map_devices($1, $2, now())", connection, transaction);
                map.Parameters.Add(new NpgsqlParameter<long> { TypedValue = physicalUid });
                map.Parameters.Add(new NpgsqlParameter<long> { TypedValue = logicalUid });
                await using (var reader = await map.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        ended.Add(reader.GetInt64(0));
                    }
                }
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.NoDataFound)
            {
                throw new UnknownDeviceException(exception.MessageText);
            }

            await using var started = new NpgsqlCommand("SELECT now()", connection, transaction);
            var start = (DateTime)(await started.ExecuteScalarAsync(cancellationToken))!;
            await transaction.CommitAsync(cancellationToken);
            return new MappingChange(
                new DeviceMapping(physicalUid, logicalUid, new DateTimeOffset(start), null),
                ended.Where(uid => uid != physicalUid).Distinct().ToArray());
        });

    public Task<DeviceMapping?> EndAsync(long physicalUid, CancellationToken cancellationToken = default) =>
        TransientFailures.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand(
                """
                UPDATE physical_logical_map SET end_time = greatest(now(), start_time)
                WHERE physical_uid = $1 AND end_time IS NULL
                RETURNING physical_uid, logical_uid, start_time, end_time
                """);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = physicalUid });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadMapping(reader) : null;
        });

    private Task<IReadOnlyList<DeviceMapping>> ReadHistoryAsync(string sql, long uid, CancellationToken cancellationToken) =>
        TransientFailures.GuardAsync<IReadOnlyList<DeviceMapping>>(async () =>
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = uid });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var history = new List<DeviceMapping>();
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(ReadMapping(reader));
            }

            return history;
        });

    private static DeviceMapping ReadMapping(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
}
