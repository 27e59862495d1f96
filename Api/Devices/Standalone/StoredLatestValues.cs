using Npgsql;

namespace IoTStack.Api.Devices.Standalone;

/// <summary>
/// Without a Silo there is no grain holding the latest values, so they are read from the series table
/// (one skip-scan per series name). With a Silo the logical device grain answers instead.
/// </summary>
public sealed class StoredLatestValues(NpgsqlDataSource dataSource) : ILatestValues
{
    public async Task<IReadOnlyList<LatestValue>> GetAsync(long logicalUid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT ON (name) name, ts, value, text_value FROM series_points WHERE logical_uid = $1 ORDER BY name, ts DESC");
        command.Parameters.Add(new() { Value = logicalUid });
        return await Registry.RowReaders.ReadAllAsync(
            command,
            r => new LatestValue(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken);
    }
}
