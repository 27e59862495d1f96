using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using static IoTStack.Api.Registry.PhysicalDeviceStore;
using static IoTStack.Api.Registry.RowReaders;

namespace IoTStack.Api.Registry;

/// <summary>The <c>logical_devices</c> table (IoTa's <c>ld</c> commands).</summary>
public sealed class LogicalDeviceStore(NpgsqlDataSource dataSource)
{
    /// <summary>At most <paramref name="take"/> devices after <paramref name="afterUid"/>, ordered by uid (a keyset page).</summary>
    public async Task<IReadOnlyList<LogicalDevice>> PageAsync(long afterUid, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {LogicalColumns} FROM logical_devices l WHERE l.uid > $1 ORDER BY l.uid LIMIT $2");
        command.Parameters.Add(new() { Value = afterUid });
        command.Parameters.Add(new() { Value = take });
        return await ReadAllAsync(command, r => ReadLogical(r), cancellationToken);
    }

    public async Task<IReadOnlyList<LogicalDevice>> GetManyAsync(IReadOnlyCollection<long> uids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {LogicalColumns} FROM logical_devices l WHERE l.uid = ANY($1)");
        command.Parameters.Add(new() { Value = uids.ToArray() });
        return await ReadAllAsync(command, r => ReadLogical(r), cancellationToken);
    }

    public async Task<LogicalDevice?> GetAsync(long uid, CancellationToken cancellationToken) =>
        (await GetManyAsync([uid], cancellationToken)).SingleOrDefault();

    /// <summary>CroMFlaG2 names devices in its URLs: a uid when the text is a number, otherwise the (oldest) device of that name.</summary>
    public async Task<LogicalDevice?> FindByUidOrNameAsync(string device, CancellationToken cancellationToken)
    {
        if (long.TryParse(device, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && await GetAsync(uid, cancellationToken) is { } byUid)
        {
            return byUid;
        }

        await using var command = dataSource.CreateCommand($"SELECT {LogicalColumns} FROM logical_devices l WHERE l.name = $1 ORDER BY l.uid LIMIT 1");
        command.Parameters.Add(new() { Value = device });
        return (await ReadAllAsync(command, r => ReadLogical(r), cancellationToken)).SingleOrDefault();
    }

    public async Task<LogicalDevice> CreateAsync(LogicalDevicePatch device, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "WITH l AS (INSERT INTO logical_devices (name, location_lat, location_long, last_seen, properties) " +
            $"VALUES ($1, $2, $3, $4, COALESCE($5::jsonb, '{{}}')) RETURNING *) SELECT {LogicalColumns} FROM l");
        AddFields(command, device);
        return (await ReadAllAsync(command, r => ReadLogical(r), cancellationToken)).Single();
    }

    public async Task<LogicalDevice?> UpdateAsync(long uid, LogicalDevicePatch patch, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "WITH l AS (UPDATE logical_devices SET name = COALESCE($1, name), location_lat = COALESCE($2, location_lat), " +
            "location_long = COALESCE($3, location_long), last_seen = COALESCE($4, last_seen), properties = COALESCE($5::jsonb, properties) " +
            $"WHERE uid = $6 RETURNING *) SELECT {LogicalColumns} FROM l");
        AddFields(command, patch);
        command.Parameters.Add(new() { Value = uid });
        return (await ReadAllAsync(command, r => ReadLogical(r), cancellationToken)).SingleOrDefault();
    }

    public async Task<LogicalDevice?> DeleteAsync(long uid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"WITH l AS (DELETE FROM logical_devices WHERE uid = $1 RETURNING *) SELECT {LogicalColumns} FROM l");
        command.Parameters.Add(new() { Value = uid });
        return (await ReadAllAsync(command, r => ReadLogical(r), cancellationToken)).SingleOrDefault();
    }

    private static void AddFields(NpgsqlCommand command, LogicalDevicePatch device)
    {
        command.Parameters.Add(Nullable(device.Name, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(device.Location?.Latitude, NpgsqlDbType.Double));
        command.Parameters.Add(Nullable(device.Location?.Longitude, NpgsqlDbType.Double));
        command.Parameters.Add(Nullable(device.LastSeen?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(device.Properties, NpgsqlDbType.Text));
    }
}
