using IoTStack.Storage.Devices;
using MQTTnet;

namespace IoTStack.Ingest.Mqtt;

/// <summary>Checks a publish topic or a subscription filter against every grant source.</summary>
public sealed class TopicAuthoriser(IEnumerable<ITopicGrantSource> sources)
{
    private readonly ITopicGrantSource[] _sources = sources.ToArray();

    /// <summary>
    /// For a subscription, <paramref name="topicOrFilter"/> is a filter: it is allowed when a granted filter covers it,
    /// checked by matching the requested filter's levels (wildcards taken literally) against the grant.
    /// </summary>
    public bool IsAllowed(CredentialPrincipal principal, TopicRight right, string topicOrFilter) =>
        _sources.SelectMany(source => source.GrantsFor(principal))
            .Any(grant => grant.Right == right &&
                MqttTopicFilterComparer.Compare(topicOrFilter, grant.Filter) == MqttTopicFilterCompareResult.IsMatch);
}
