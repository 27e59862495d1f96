using Npgsql;
using NpgsqlTypes;
using static IoTStack.Api.Registry.PhysicalDeviceStore;
using static IoTStack.Api.Registry.RowReaders;

namespace IoTStack.Api.Registry;

/// <summary>
/// Reads <c>physical_logical_map</c>, always for many devices at once: these back the DataLoaders that keep a
/// list of devices at a constant number of queries.
/// </summary>
public sealed class MappingStore(NpgsqlDataSource dataSource)
{
    /// <summary>The order of a history, on its unique key (see <see cref="Mapping.Key"/>).</summary>
    private const string NewestFirst = "ORDER BY m.start_time DESC, m.physical_uid DESC";

    public async Task<IDictionary<long, LogicalDevice>> CurrentLogicalByPhysicalAsync(IReadOnlyCollection<long> physicalUids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT m.physical_uid, {LogicalColumns} FROM physical_logical_map m JOIN logical_devices l ON l.uid = m.logical_uid " +
            "WHERE m.end_time IS NULL AND m.physical_uid = ANY($1)");
        command.Parameters.Add(new() { Value = physicalUids.ToArray() });
        var rows = await ReadAllAsync(command, r => (Key: r.GetInt64(0), Device: ReadLogical(r, 1)), cancellationToken);
        return rows.ToDictionary(row => row.Key, row => row.Device);
    }

    public async Task<IDictionary<long, PhysicalDevice>> CurrentPhysicalByLogicalAsync(IReadOnlyCollection<long> logicalUids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT m.logical_uid, {PhysicalColumns} FROM physical_logical_map m JOIN physical_devices p ON p.uid = m.physical_uid " +
            "WHERE m.end_time IS NULL AND m.logical_uid = ANY($1)");
        command.Parameters.Add(new() { Value = logicalUids.ToArray() });
        var rows = await ReadAllAsync(command, r => (Key: r.GetInt64(0), Device: ReadPhysical(r, 1)), cancellationToken);
        return rows.ToDictionary(row => row.Key, row => row.Device);
    }

    /// <summary>The whole history of each given device, newest first.</summary>
    public Task<ILookup<long, Mapping>> HistoryByLogicalAsync(IReadOnlyCollection<long> logicalUids, CancellationToken cancellationToken) =>
        HistoryAsync("logical_uid", logicalUids, mapping => mapping.LogicalUid, cancellationToken);

    public Task<ILookup<long, Mapping>> HistoryByPhysicalAsync(IReadOnlyCollection<long> physicalUids, CancellationToken cancellationToken) =>
        HistoryAsync("physical_uid", physicalUids, mapping => mapping.PhysicalUid, cancellationToken);

    /// <summary>
    /// A keyset page of one device's history, newest first: at most <paramref name="take"/> mappings after
    /// <paramref name="after"/> in that order. Give exactly one of the two uids.
    /// </summary>
    public async Task<IReadOnlyList<Mapping>> HistoryPageAsync(
        long? physicalUid, long? logicalUid, MappingKey? after, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {MappingColumns} FROM physical_logical_map m WHERE ($1::bigint IS NULL OR m.physical_uid = $1) " +
            "AND ($2::bigint IS NULL OR m.logical_uid = $2) AND ($3::timestamptz IS NULL OR (m.start_time, m.physical_uid) < ($3, $4)) " +
            $"{NewestFirst} LIMIT $5");
        command.Parameters.Add(Nullable(physicalUid, NpgsqlDbType.Bigint));
        command.Parameters.Add(Nullable(logicalUid, NpgsqlDbType.Bigint));
        command.Parameters.Add(Nullable(after?.StartTime.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(after?.PhysicalUid, NpgsqlDbType.Bigint));
        command.Parameters.Add(new() { Value = take });
        return await ReadAllAsync(command, r => ReadMapping(r), cancellationToken);
    }

    private async Task<ILookup<long, Mapping>> HistoryAsync(string column, IReadOnlyCollection<long> uids, Func<Mapping, long> key, CancellationToken cancellationToken)
    {
        // The column name is one of two constants above, never caller input.
        await using var command = dataSource.CreateCommand(
            $"SELECT {MappingColumns} FROM physical_logical_map m WHERE m.{column} = ANY($1) {NewestFirst}");
        command.Parameters.Add(new() { Value = uids.ToArray() });
        var rows = await ReadAllAsync(command, r => ReadMapping(r), cancellationToken);
        return rows.ToLookup(key);
    }
}
