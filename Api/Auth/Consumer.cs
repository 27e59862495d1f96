namespace IoTStack.Api.Auth;

/// <summary>A third party reading with an API key (the TUM iotplatform's consumer).</summary>
public sealed record Consumer(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, IReadOnlyList<long> GrantedLogicalUids);

/// <summary>A new consumer and its API key, which is shown once and stored only as a hash.</summary>
public sealed record IssuedConsumerKey(Consumer Consumer, string ApiKey);
