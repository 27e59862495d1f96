using IoTStack.Storage.Devices;

namespace IoTStack.Api.Devices;

/// <summary>Device tokens from the credential store that Ingest verifies every device message against.</summary>
public sealed class CredentialDeviceTokens(CredentialStore credentials) : IDeviceTokens
{
    public async Task<IssuedDeviceToken> IssueAsync(long physicalUid, string? description, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var issued = await credentials.IssueDeviceTokenAsync(physicalUid, description, expiresAt, cancellationToken);
        return new IssuedDeviceToken(issued.Id, physicalUid, issued.Secret, issued.ExpiresAt);
    }

    public Task<bool> RevokeAsync(long tokenId, CancellationToken cancellationToken) => credentials.RevokeDeviceTokenAsync(tokenId, cancellationToken);
}
