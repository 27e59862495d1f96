using IoTStack.Api.Registry;
using Npgsql;

namespace IoTStack.Api.Devices.Standalone;

/// <summary>
/// Writes the mapping table directly, for an API running without a Silo (development, tests of the API alone).
/// With a Silo the grains own mappings and this class is not registered.
/// </summary>
public sealed class SqlDeviceMappings(NpgsqlDataSource dataSource) : IDeviceMappings
{
    public async Task<Mapping> MapAsync(long physicalUid, long logicalUid, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var end = new NpgsqlCommand(
            "UPDATE physical_logical_map SET end_time = now() WHERE end_time IS NULL AND (physical_uid = $1 OR logical_uid = $2)", connection, transaction))
        {
            end.Parameters.Add(new() { Value = physicalUid });
            end.Parameters.Add(new() { Value = logicalUid });
            await end.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var start = new NpgsqlCommand(
            "INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time) VALUES ($1, $2, clock_timestamp()) " +
            "RETURNING physical_uid, logical_uid, start_time, end_time", connection, transaction);
        start.Parameters.Add(new() { Value = physicalUid });
        start.Parameters.Add(new() { Value = logicalUid });
        var mapping = (await RowReaders.ReadAllAsync(start, r => RowReaders.ReadMapping(r), cancellationToken)).Single();
        await transaction.CommitAsync(cancellationToken);
        return mapping;
    }

    public Task<Mapping?> EndForPhysicalAsync(long physicalUid, CancellationToken cancellationToken) => EndAsync("physical_uid", physicalUid, cancellationToken);

    public Task<Mapping?> EndForLogicalAsync(long logicalUid, CancellationToken cancellationToken) => EndAsync("logical_uid", logicalUid, cancellationToken);

    private async Task<Mapping?> EndAsync(string column, long uid, CancellationToken cancellationToken)
    {
        // column is one of the two constants above.
        await using var command = dataSource.CreateCommand(
            $"UPDATE physical_logical_map SET end_time = now() WHERE end_time IS NULL AND {column} = $1 RETURNING physical_uid, logical_uid, start_time, end_time");
        command.Parameters.Add(new() { Value = uid });
        return (await RowReaders.ReadAllAsync(command, r => RowReaders.ReadMapping(r), cancellationToken)).SingleOrDefault();
    }
}
