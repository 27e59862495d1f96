using Npgsql;

namespace IoTStack.Api.Registry;

/// <summary>The <c>sources</c> table: where physical devices come from.</summary>
public sealed class SourceStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Source>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT name, description FROM sources ORDER BY name");
        return await RowReaders.ReadAllAsync(command, r => new Source(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken);
    }
}
