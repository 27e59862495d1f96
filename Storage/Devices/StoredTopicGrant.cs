namespace IoTStack.Storage.Devices;

/// <summary>A row of <c>mqtt_topic_grants</c>: a device or a source may publish or subscribe on a topic filter.</summary>
public sealed record StoredTopicGrant(long Id, long? PhysicalUid, string? Source, string TopicFilter, string Access)
{
    public const string Publish = "publish";
    public const string Subscribe = "subscribe";

    public bool IsHeldBy(CredentialPrincipal principal) => principal switch
    {
        DevicePrincipal device => PhysicalUid == device.PhysicalUid,
        SourcePrincipal holder => Source == holder.Source,
        _ => false,
    };
}
