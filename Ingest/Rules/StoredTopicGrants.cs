using IoTStack.Ingest.Mqtt;
using IoTStack.Storage.Devices;
using IoTStack.Storage.Notifications;
using Npgsql;

namespace IoTStack.Ingest.Rules;

/// <summary>
/// Grants from <c>mqtt_topic_grants</c> (publish to <c>house/1</c>, subscribe to <c>!action/#</c>…), held in memory
/// because the authoriser asks on every publish and subscription, and reloaded when the table changes.
/// </summary>
public sealed class StoredTopicGrants(NpgsqlDataSource dataSource, TopicGrantStore store, ILogger<StoredTopicGrants> logger)
    : ChangeFeed(dataSource, logger, Channel), ITopicGrantSource
{
    public const string Channel = "iotstack_topic_grants";

    private volatile IReadOnlyList<StoredTopicGrant> _grants = [];

    public IEnumerable<TopicGrant> GrantsFor(CredentialPrincipal principal) =>
        _grants.Where(grant => grant.IsHeldBy(principal))
            .Select(grant => new TopicGrant(grant.TopicFilter, grant.Access == StoredTopicGrant.Publish ? TopicRight.Publish : TopicRight.Subscribe));

    protected override async Task ReloadAsync(CancellationToken cancellationToken) => _grants = await store.ListAsync(cancellationToken);
}
