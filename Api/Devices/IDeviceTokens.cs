namespace IoTStack.Api.Devices;

/// <summary>A device token as issued: <see cref="Token"/> is shown once and stored only as a hash.</summary>
public sealed record IssuedDeviceToken(long Id, long PhysicalUid, string Token, DateTimeOffset? ExpiresAt);

/// <summary>Issues and revokes the tokens devices send with (the credential store Ingest verifies against).</summary>
public interface IDeviceTokens
{
    Task<IssuedDeviceToken> IssueAsync(long physicalUid, string? description, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>False when there is no such token or it was already revoked.</summary>
    Task<bool> RevokeAsync(long tokenId, CancellationToken cancellationToken);
}
