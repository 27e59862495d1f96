using Npgsql;

namespace IoTStack.Storage.Devices;

/// <summary>
/// Issues, verifies and revokes device tokens (<c>device_tokens</c>) and source credentials (<c>source_credentials</c>).
/// Shared by Ingest (verify) and the Api (issue, revoke). Reads are uncached here: callers that verify on a hot
/// path add their own short-lived cache, which bounds how long a revoked secret keeps working.
/// </summary>
public sealed class CredentialStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    public const string DeviceTokenPrefix = "iotd_";
    public const string SourceSecretPrefix = "iots_";

    public async Task<IssuedSecret> IssueDeviceTokenAsync(long physicalUid, string? description, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var token = SecretToken.Generate(DeviceTokenPrefix);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO device_tokens (physical_uid, token_hash, description, expires_at) VALUES ($1, $2, $3, $4) RETURNING id");
        command.Parameters.Add(new() { Value = physicalUid });
        command.Parameters.Add(new() { Value = SecretToken.Hash(token) });
        command.Parameters.Add(new() { Value = (object?)description ?? DBNull.Value });
        command.Parameters.Add(new() { Value = (object?)expiresAt ?? DBNull.Value });
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new IssuedSecret(id, token, expiresAt);
    }

    public async Task<IssuedSecret> IssueSourceCredentialAsync(string source, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var secret = SecretToken.Generate(SourceSecretPrefix);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO source_credentials (source, secret_hash, expires_at) VALUES ($1, $2, $3) RETURNING id");
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = SecretToken.Hash(secret) });
        command.Parameters.Add(new() { Value = (object?)expiresAt ?? DBNull.Value });
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new IssuedSecret(id, secret, expiresAt);
    }

    /// <summary>Returns false when there is no such token or it was already revoked.</summary>
    public Task<bool> RevokeDeviceTokenAsync(long tokenId, CancellationToken cancellationToken) =>
        RevokeAsync("UPDATE device_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", tokenId, cancellationToken);

    public Task<bool> RevokeSourceCredentialAsync(long credentialId, CancellationToken cancellationToken) =>
        RevokeAsync("UPDATE source_credentials SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", credentialId, cancellationToken);

    /// <summary>Checks a presented secret against both tables in one round trip.</summary>
    public async Task<CredentialVerification> VerifyAsync(string secret, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.physical_uid, d.name, NULL::text, t.expires_at, t.revoked_at
              FROM device_tokens t JOIN physical_devices d ON d.uid = t.physical_uid WHERE t.token_hash = $1
            UNION ALL
            SELECT NULL, NULL, c.source, c.expires_at, c.revoked_at FROM source_credentials c WHERE c.secret_hash = $1
            LIMIT 1
            """);
        command.Parameters.Add(new() { Value = SecretToken.Hash(secret) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return CredentialVerification.Unknown;
        }

        if (!reader.IsDBNull(4))
        {
            return new CredentialVerification(CredentialStatus.Revoked, null);
        }

        if (!reader.IsDBNull(3) && reader.GetFieldValue<DateTimeOffset>(3) <= timeProvider.GetUtcNow())
        {
            return new CredentialVerification(CredentialStatus.Expired, null);
        }

        CredentialPrincipal principal = reader.IsDBNull(0)
            ? new SourcePrincipal(reader.GetString(2))
            : new DevicePrincipal(reader.GetInt64(0), reader.GetString(1));
        return new CredentialVerification(CredentialStatus.Valid, principal);
    }

    private async Task<bool> RevokeAsync(string sql, long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
