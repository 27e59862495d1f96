using Npgsql;

namespace IoTStack.Storage.Devices;

/// <summary>
/// Per-topic MQTT grants beyond a device's own telemetry topic (table <c>mqtt_topic_grants</c>): e.g. a house
/// sensor may publish to <c>house/1</c>, a monitoring client may subscribe to <c>!action/#</c>. For Ingest (which
/// reloads them on change) and for the Api to manage.
/// </summary>
public sealed class TopicGrantStore(NpgsqlDataSource dataSource)
{
    public async Task<long> GrantToDeviceAsync(long physicalUid, string topicFilter, string access, CancellationToken cancellationToken) =>
        await InsertAsync(physicalUid, null, topicFilter, access, cancellationToken);

    public async Task<long> GrantToSourceAsync(string source, string topicFilter, string access, CancellationToken cancellationToken) =>
        await InsertAsync(null, source, topicFilter, access, cancellationToken);

    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM mqtt_topic_grants WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<StoredTopicGrant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, physical_uid, source, topic_filter, access FROM mqtt_topic_grants");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var grants = new List<StoredTopicGrant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            grants.Add(new StoredTopicGrant(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return grants;
    }

    private async Task<long> InsertAsync(long? physicalUid, string? source, string topicFilter, string access, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO mqtt_topic_grants (physical_uid, source, topic_filter, access) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (physical_uid, source, topic_filter, access) DO UPDATE SET access = EXCLUDED.access RETURNING id");
        command.Parameters.Add(new() { Value = (object?)physicalUid ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = (object?)source ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = topicFilter });
        command.Parameters.Add(new() { Value = access });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
