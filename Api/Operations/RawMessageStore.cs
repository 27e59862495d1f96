using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Api.Operations;

/// <summary>Finds raw messages by correlation id, or by physical device within a time range.</summary>
public sealed class RawMessageStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<RawMessage>> FindAsync(
        Guid? correlationId, long? physicalUid, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT correlation_id, received_at, source, physical_uid, device, topic, content_type, payload, status, reason FROM raw_messages " +
            "WHERE ($1::uuid IS NULL OR correlation_id = $1) AND ($2::bigint IS NULL OR physical_uid = $2) " +
            "AND ($3::timestamptz IS NULL OR received_at >= $3) AND ($4::timestamptz IS NULL OR received_at < $4) " +
            "ORDER BY received_at DESC LIMIT $5");
        command.Parameters.Add(new() { Value = (object?)correlationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)physicalUid ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = (object?)from?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)to?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = limit });
        return await Registry.RowReaders.ReadAllAsync(
            command,
            r => new RawMessage(
                r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.GetFieldValue<byte[]>(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)),
            cancellationToken);
    }
}
