using System.Data.Common;

namespace IoTStack.Api.Registry;

/// <summary>Reads registry rows selected with the column lists below, so every query shapes them the same way.</summary>
internal static class RowReaders
{
    public const string PhysicalColumns = "p.uid, p.source, p.name, p.location_lat, p.location_long, p.last_seen, p.source_ids::text, p.properties::text, p.created_at";
    public const string LogicalColumns = "l.uid, l.name, l.location_lat, l.location_long, l.last_seen, l.properties::text, l.created_at";
    public const string MappingColumns = "m.physical_uid, m.logical_uid, m.start_time, m.end_time";

    public static PhysicalDevice ReadPhysical(DbDataReader reader, int at = 0) => new(
        reader.GetInt64(at), reader.GetString(at + 1), reader.GetString(at + 2), ReadLocation(reader, at + 3),
        NullableTime(reader, at + 5), reader.GetString(at + 6), reader.GetString(at + 7), reader.GetFieldValue<DateTimeOffset>(at + 8));

    public static LogicalDevice ReadLogical(DbDataReader reader, int at = 0) => new(
        reader.GetInt64(at), reader.GetString(at + 1), ReadLocation(reader, at + 2),
        NullableTime(reader, at + 4), reader.GetString(at + 5), reader.GetFieldValue<DateTimeOffset>(at + 6));

    public static Mapping ReadMapping(DbDataReader reader, int at = 0) => new(
        reader.GetInt64(at), reader.GetInt64(at + 1), reader.GetFieldValue<DateTimeOffset>(at + 2), NullableTime(reader, at + 3));

    public static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static Location? ReadLocation(DbDataReader reader, int at) =>
        reader.IsDBNull(at) || reader.IsDBNull(at + 1) ? null : new Location(reader.GetDouble(at), reader.GetDouble(at + 1));

    private static DateTimeOffset? NullableTime(DbDataReader reader, int at) =>
        reader.IsDBNull(at) ? null : reader.GetFieldValue<DateTimeOffset>(at);
}
