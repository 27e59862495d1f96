using System.Globalization;
using IoTStack.Storage.Devices;

namespace IoTStack.Ingest.Mqtt;

/// <summary>
/// A device may publish telemetry as itself (by name or uid) and subscribe below its own topic; a source credential
/// may publish telemetry for any device of its source (unknown ones are created).
/// </summary>
public sealed class DeviceTopicGrants : ITopicGrantSource
{
    public IEnumerable<TopicGrant> GrantsFor(CredentialPrincipal principal)
    {
        switch (principal)
        {
            case DevicePrincipal device:
                foreach (var id in new[] { device.Name, device.PhysicalUid.ToString(CultureInfo.InvariantCulture) })
                {
                    yield return new TopicGrant(DeviceTopics.Telemetry(id), TopicRight.Publish);
                    yield return new TopicGrant($"devices/{id}/#", TopicRight.Subscribe);
                }

                break;
            case SourcePrincipal:
                yield return new TopicGrant(DeviceTopics.Telemetry("+"), TopicRight.Publish);
                break;
        }
    }
}
