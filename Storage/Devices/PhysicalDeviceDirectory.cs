using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Storage.Devices;

/// <summary>
/// Finds physical devices by the id a front end sees, and creates unknown ones arriving under a source credential
/// (IoTa: "front-end processors create physical devices as necessary"), unmapped and recorded with their source_ids.
/// </summary>
public sealed class PhysicalDeviceDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>The key under which a front end records the id a device announced itself with.</summary>
    public const string DeviceIdKey = "device_id";

    /// <summary>The uid of the device of <paramref name="source"/> known as <paramref name="deviceId"/>, creating it when new.</summary>
    public async Task<long> GetOrCreateAsync(string source, string deviceId, CancellationToken cancellationToken)
    {
        var sourceIds = JsonSerializer.Serialize(new Dictionary<string, string> { [DeviceIdKey] = deviceId });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Two first messages from a new device may arrive at once (on two Ingest replicas too): serialise on the device.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
        {
            lockCommand.Parameters.Add(new() { Value = source + "\n" + deviceId });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("""
            WITH found AS (SELECT uid FROM physical_devices WHERE source = $1 AND source_ids @> $2 LIMIT 1),
                 created AS (INSERT INTO physical_devices (source, name, source_ids)
                             SELECT $1, $3, $2 WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING uid)
            SELECT uid FROM found UNION ALL SELECT uid FROM created
            """, connection, transaction);
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = sourceIds, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = deviceId });
        var uid = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return uid;
    }

    /// <summary>Merges <paramref name="properties"/> (a JSON object) into the device's free-form properties.</summary>
    public async Task MergePropertiesAsync(long physicalUid, string properties, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE physical_devices SET properties = properties || $2 WHERE uid = $1");
        command.Parameters.Add(new() { Value = physicalUid });
        command.Parameters.Add(new() { Value = properties, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
