using Npgsql;
using NpgsqlTypes;
using static IoTStack.Api.Registry.PhysicalDeviceStore;

namespace IoTStack.Api.Operations;

/// <summary>Finds raw messages by correlation id, or by physical device within a time range.</summary>
public sealed class RawMessageStore(NpgsqlDataSource dataSource)
{
    /// <summary>A keyset page, newest first: at most <paramref name="take"/> matching messages after <paramref name="after"/> in that order.</summary>
    public async Task<IReadOnlyList<RawMessage>> PageAsync(
        Guid? correlationId, long? physicalUid, DateTimeOffset? from, DateTimeOffset? to, RawMessageKey? after, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT correlation_id, received_at, source, physical_uid, device, topic, content_type, payload, status, reason FROM raw_messages " +
            "WHERE ($1::uuid IS NULL OR correlation_id = $1) AND ($2::bigint IS NULL OR physical_uid = $2) " +
            "AND ($3::timestamptz IS NULL OR received_at >= $3) AND ($4::timestamptz IS NULL OR received_at < $4) " +
            "AND ($5::timestamptz IS NULL OR (received_at, correlation_id) < ($5, $6)) ORDER BY received_at DESC, correlation_id DESC LIMIT $7");
        command.Parameters.Add(Nullable(correlationId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Nullable(physicalUid, NpgsqlDbType.Bigint));
        command.Parameters.Add(Nullable(from?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(to?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(after?.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(after?.CorrelationId, NpgsqlDbType.Uuid));
        command.Parameters.Add(new() { Value = take });
        return await Registry.RowReaders.ReadAllAsync(
            command,
            r => new RawMessage(
                r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.GetFieldValue<byte[]>(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)),
            cancellationToken);
    }
}
