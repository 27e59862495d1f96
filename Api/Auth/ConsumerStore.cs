using Npgsql;

namespace IoTStack.Api.Auth;

/// <summary>The <c>consumers</c> and <c>consumer_grants</c> tables.</summary>
public sealed class ConsumerStore(NpgsqlDataSource dataSource)
{
    public const string KeyPrefix = "iotk_";

    private const string Select =
        "SELECT c.id, c.name, c.created_at, c.revoked_at, COALESCE(array_agg(g.logical_uid ORDER BY g.logical_uid) FILTER (WHERE g.logical_uid IS NOT NULL), '{}') " +
        "FROM consumers c LEFT JOIN consumer_grants g ON g.consumer_id = c.id";

    public async Task<IssuedConsumerKey?> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var key = SecretTokens.Generate(KeyPrefix);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO consumers (name, key_hash) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = SecretTokens.Hash(key) });
        return await command.ExecuteScalarAsync(cancellationToken) is long id
            ? new IssuedConsumerKey((await GetAsync(id, cancellationToken))!, key)
            : null;
    }

    public async Task<Consumer?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"{Select} WHERE c.id = $1 GROUP BY c.id", [id], cancellationToken)).SingleOrDefault();

    /// <summary>At most <paramref name="take"/> consumers with an id above <paramref name="afterId"/>, by id.</summary>
    public Task<IReadOnlyList<Consumer>> PageAsync(long afterId, int take, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE c.id > $1 GROUP BY c.id ORDER BY c.id LIMIT $2", [afterId, take], cancellationToken);

    /// <summary>The active consumer an API key belongs to, or null.</summary>
    public async Task<Consumer?> FindByKeyAsync(string apiKey, CancellationToken cancellationToken) =>
        (await QueryAsync($"{Select} WHERE c.key_hash = $1 AND c.revoked_at IS NULL GROUP BY c.id", [SecretTokens.Hash(apiKey)], cancellationToken))
            .SingleOrDefault();

    public async Task<bool> IsGrantedAsync(long consumerId, long logicalUid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM consumer_grants g JOIN consumers c ON c.id = g.consumer_id " +
            "WHERE g.consumer_id = $1 AND g.logical_uid = $2 AND c.revoked_at IS NULL)");
        command.Parameters.Add(new() { Value = consumerId });
        command.Parameters.Add(new() { Value = logicalUid });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<Consumer?> GrantAsync(long consumerId, long logicalUid, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "INSERT INTO consumer_grants (consumer_id, logical_uid) SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM consumers WHERE id = $1) " +
            "AND EXISTS (SELECT 1 FROM logical_devices WHERE uid = $2) ON CONFLICT DO NOTHING",
            consumerId, logicalUid, cancellationToken);
        return await GetAsync(consumerId, cancellationToken);
    }

    /// <summary>Withdraws one grant, or (without a logical device) the consumer's key altogether.</summary>
    public async Task<Consumer?> RevokeAsync(long consumerId, long? logicalUid, CancellationToken cancellationToken)
    {
        if (logicalUid is { } uid)
        {
            await ExecuteAsync("DELETE FROM consumer_grants WHERE consumer_id = $1 AND logical_uid = $2", consumerId, uid, cancellationToken);
        }
        else
        {
            await ExecuteAsync("UPDATE consumers SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", consumerId, null, cancellationToken);
        }

        return await GetAsync(consumerId, cancellationToken);
    }

    private async Task ExecuteAsync(string sql, long first, long? second, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = first });
        if (second is { } value)
        {
            command.Parameters.Add(new() { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Consumer>> QueryAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters.Select(value => new NpgsqlParameter { Value = value }).ToArray());

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var consumers = new List<Consumer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            consumers.Add(new Consumer(
                reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<long[]>(4)));
        }

        return consumers;
    }
}
