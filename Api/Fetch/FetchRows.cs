using System.Text.Json;
using Npgsql;

namespace IoTStack.Api.Fetch;

/// <summary>
/// Reads a logical device's points in [from, to) as CroMFlaG2 rows: one JSON object per timestamp with
/// <c>timestamp</c> in epoch milliseconds and one member per series name. Every value is a bound parameter.
/// </summary>
public sealed class FetchRows(NpgsqlDataSource dataSource)
{
    public const string TimestampField = "timestamp";

    public async Task WriteAsync(Utf8JsonWriter writer, long logicalUid, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ts, name, value, text_value FROM series_points WHERE logical_uid = $1 " +
            "AND ($2::timestamptz IS NULL OR ts >= $2) AND ($3::timestamptz IS NULL OR ts < $3) ORDER BY ts, name");
        command.Parameters.Add(new() { Value = logicalUid });
        command.Parameters.Add(new() { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        writer.WriteStartArray();
        DateTimeOffset? row = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var ts = reader.GetFieldValue<DateTimeOffset>(0);
            if (ts != row)
            {
                if (row is not null)
                {
                    writer.WriteEndObject();
                }

                writer.WriteStartObject();
                writer.WriteNumber(TimestampField, ts.ToUnixTimeMilliseconds());
                row = ts;
            }

            var name = reader.GetString(1);
            if (name == TimestampField)
            {
                continue; // a series called "timestamp" would clash with the row's own key
            }

            if (!reader.IsDBNull(2))
            {
                writer.WriteNumber(name, reader.GetDouble(2));
            }
            else
            {
                writer.WriteString(name, reader.IsDBNull(3) ? null : reader.GetString(3));
            }

            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        if (row is not null)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }
}
