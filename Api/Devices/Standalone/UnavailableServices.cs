using IoTStack.Api.GraphQL;

namespace IoTStack.Api.Devices.Standalone;

/// <summary>Dead letters live in the Silo's dead-letter service; without a Silo the API says so instead of guessing.</summary>
public sealed class UnavailableDeadLetters : IDeadLetters
{
    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken) => throw ApiErrors.UnavailableError("dead letters");

    public Task<bool> RequeueAsync(string id, CancellationToken cancellationToken) => throw ApiErrors.UnavailableError("dead letters");
}

/// <summary>Device tokens are issued by the shared credential store; until it is wired the API says so.</summary>
public sealed class UnavailableDeviceTokens : IDeviceTokens
{
    public Task<IssuedDeviceToken> IssueAsync(long physicalUid, string? description, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        throw ApiErrors.UnavailableError("device tokens");

    public Task<bool> RevokeAsync(long tokenId, CancellationToken cancellationToken) => throw ApiErrors.UnavailableError("device tokens");
}
