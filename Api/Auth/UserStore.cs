using Npgsql;

namespace IoTStack.Api.Auth;

/// <summary>The <c>users</c> table: IoTa's add, remove, change password, list and token refresh/disable/enable.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource, UserPasswords passwords)
{
    private const string Columns = "username, password_hash, role, token_enabled, token_generation, created_at";

    public async Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM users WHERE username = $1");
        command.Parameters.Add(new() { Value = username });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>At most <paramref name="take"/> users named after <paramref name="afterUsername"/>, by username (the primary key).</summary>
    public async Task<IReadOnlyList<UserAccount>> PageAsync(string? afterUsername, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM users WHERE ($1::text IS NULL OR username > $1) ORDER BY username LIMIT $2");
        command.Parameters.Add(new() { Value = (object?)afterUsername ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = take });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM users)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Adds a user; returns null when the name is taken.</summary>
    public async Task<UserAccount?> AddAsync(string username, string password, string role, bool tokenEnabled, CancellationToken cancellationToken)
    {
        if (!Roles.IsUserRole(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        await using var command = dataSource.CreateCommand(
            $"INSERT INTO users (username, password_hash, role, token_enabled) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING {Columns}");
        command.Parameters.Add(new() { Value = username });
        command.Parameters.Add(new() { Value = passwords.Hash(username, password) });
        command.Parameters.Add(new() { Value = role });
        command.Parameters.Add(new() { Value = tokenEnabled });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public Task<UserAccount?> RemoveAsync(string username, CancellationToken cancellationToken) =>
        UpdateAsync("DELETE FROM users WHERE username = $1", username, null, cancellationToken);

    public Task<UserAccount?> ChangePasswordAsync(string username, string password, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE users SET password_hash = $2 WHERE username = $1", username, passwords.Hash(username, password), cancellationToken);

    /// <summary>Makes every token issued so far invalid; the next <c>/api/token</c> call issues a valid one.</summary>
    public Task<UserAccount?> RefreshTokenAsync(string username, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE users SET token_generation = token_generation + 1 WHERE username = $1", username, null, cancellationToken);

    public Task<UserAccount?> SetTokenEnabledAsync(string username, bool enabled, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE users SET token_enabled = $2 WHERE username = $1", username, enabled, cancellationToken);

    private async Task<UserAccount?> UpdateAsync(string statement, string username, object? value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{statement} RETURNING {Columns}");
        command.Parameters.Add(new() { Value = username });
        if (value is not null)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<UserAccount>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserAccount(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return users;
    }
}
