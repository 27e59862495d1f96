using IoTStack.Contracts.Devices;
using Npgsql;

namespace IoTStack.Silo.Storage;

public sealed class PostgresDeviceRegistry(NpgsqlDataSource dataSource) : IDeviceRegistry
{
    public Task<bool> PhysicalDeviceExistsAsync(long physicalUid, CancellationToken cancellationToken = default) =>
        TransientFailures.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM physical_devices WHERE uid = $1)");
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = physicalUid });
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        });

    public Task<IReadOnlyList<UnmappedDevice>> ListUnmappedAsync(string? source, CancellationToken cancellationToken = default) =>
        TransientFailures.GuardAsync<IReadOnlyList<UnmappedDevice>>(async () =>
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT uid, source, name, last_seen, unmapped_first_seen, unmapped_last_seen, unmapped_message_count
                FROM unmapped_physical_devices WHERE $1::text IS NULL OR source = $1 ORDER BY uid
                """);
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = source, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var devices = new List<UnmappedDevice>();
            while (await reader.ReadAsync(cancellationToken))
            {
                devices.Add(new UnmappedDevice(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    reader.GetInt64(6)));
            }

            return devices;
        });
}
