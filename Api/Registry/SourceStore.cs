using Npgsql;
using NpgsqlTypes;
using static IoTStack.Api.Registry.PhysicalDeviceStore;

namespace IoTStack.Api.Registry;

/// <summary>The <c>sources</c> table: where physical devices come from.</summary>
public sealed class SourceStore(NpgsqlDataSource dataSource)
{
    /// <summary>At most <paramref name="take"/> sources named after <paramref name="afterName"/>, by name (the primary key).</summary>
    public async Task<IReadOnlyList<Source>> PageAsync(string? afterName, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, description FROM sources WHERE ($1::text IS NULL OR name > $1) ORDER BY name LIMIT $2");
        command.Parameters.Add(Nullable(afterName, NpgsqlDbType.Text));
        command.Parameters.Add(new() { Value = take });
        return await RowReaders.ReadAllAsync(command, r => new Source(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken);
    }
}
