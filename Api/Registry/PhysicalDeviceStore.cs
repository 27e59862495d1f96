using Npgsql;
using NpgsqlTypes;
using static IoTStack.Api.Registry.RowReaders;

namespace IoTStack.Api.Registry;

/// <summary>The <c>physical_devices</c> table (IoTa's <c>pd</c> commands).</summary>
public sealed class PhysicalDeviceStore(NpgsqlDataSource dataSource)
{
    private const string IsMapped = "EXISTS (SELECT 1 FROM physical_logical_map m WHERE m.physical_uid = p.uid AND m.end_time IS NULL)";

    /// <summary>At most <paramref name="take"/> devices after <paramref name="afterUid"/>, ordered by uid (a keyset page).</summary>
    public async Task<IReadOnlyList<PhysicalDevice>> PageAsync(string? source, bool? mapped, long afterUid, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {PhysicalColumns} FROM physical_devices p WHERE ($1::text IS NULL OR p.source = $1) " +
            $"AND ($2::boolean IS NULL OR {IsMapped} = $2) AND p.uid > $3 ORDER BY p.uid LIMIT $4");
        command.Parameters.Add(new() { Value = (object?)source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)mapped ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new() { Value = afterUid });
        command.Parameters.Add(new() { Value = take });
        return await ReadAllAsync(command, r => ReadPhysical(r), cancellationToken);
    }

    public async Task<IReadOnlyList<PhysicalDevice>> GetManyAsync(IReadOnlyCollection<long> uids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {PhysicalColumns} FROM physical_devices p WHERE p.uid = ANY($1)");
        command.Parameters.Add(new() { Value = uids.ToArray() });
        return await ReadAllAsync(command, r => ReadPhysical(r), cancellationToken);
    }

    public async Task<PhysicalDevice?> GetAsync(long uid, CancellationToken cancellationToken) =>
        (await GetManyAsync([uid], cancellationToken)).SingleOrDefault();

    public async Task<PhysicalDevice> CreateAsync(PhysicalDevicePatch device, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "WITH p AS (INSERT INTO physical_devices (source, name, location_lat, location_long, last_seen, source_ids, properties) " +
            "VALUES ($1, $2, $3, $4, $5, COALESCE($6::jsonb, '{}'), COALESCE($7::jsonb, '{}')) RETURNING *) " +
            $"SELECT {PhysicalColumns} FROM p");
        AddFields(command, device);
        return (await ReadAllAsync(command, r => ReadPhysical(r), cancellationToken)).Single();
    }

    /// <summary>Changes only the fields the patch gives; null when no such device exists.</summary>
    public async Task<PhysicalDevice?> UpdateAsync(long uid, PhysicalDevicePatch patch, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "WITH p AS (UPDATE physical_devices SET source = COALESCE($1, source), name = COALESCE($2, name), " +
            "location_lat = COALESCE($3, location_lat), location_long = COALESCE($4, location_long), last_seen = COALESCE($5, last_seen), " +
            "source_ids = COALESCE($6::jsonb, source_ids), properties = COALESCE($7::jsonb, properties) WHERE uid = $8 RETURNING *) " +
            $"SELECT {PhysicalColumns} FROM p");
        AddFields(command, patch);
        command.Parameters.Add(new() { Value = uid });
        return (await ReadAllAsync(command, r => ReadPhysical(r), cancellationToken)).SingleOrDefault();
    }

    public async Task<PhysicalDevice?> DeleteAsync(long uid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"WITH p AS (DELETE FROM physical_devices WHERE uid = $1 RETURNING *) SELECT {PhysicalColumns} FROM p");
        command.Parameters.Add(new() { Value = uid });
        return (await ReadAllAsync(command, r => ReadPhysical(r), cancellationToken)).SingleOrDefault();
    }

    private static void AddFields(NpgsqlCommand command, PhysicalDevicePatch device)
    {
        command.Parameters.Add(Nullable(device.Source, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(device.Name, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(device.Location?.Latitude, NpgsqlDbType.Double));
        command.Parameters.Add(Nullable(device.Location?.Longitude, NpgsqlDbType.Double));
        command.Parameters.Add(Nullable(device.LastSeen?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(device.SourceIds, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(device.Properties, NpgsqlDbType.Text));
    }

    /// <remarks>Npgsql writes timestamptz only from UTC values, so callers pass times through ToUniversalTime.</remarks>
    internal static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
