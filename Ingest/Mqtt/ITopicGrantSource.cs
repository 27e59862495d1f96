using IoTStack.Storage.Devices;

namespace IoTStack.Ingest.Mqtt;

/// <summary>
/// Where grants come from. Today: each device's own topics (<see cref="DeviceTopicGrants"/>). The rules feature adds
/// a source granting subscriptions to the topics its rules publish to, without touching the gateway.
/// </summary>
public interface ITopicGrantSource
{
    IEnumerable<TopicGrant> GrantsFor(CredentialPrincipal principal);
}
