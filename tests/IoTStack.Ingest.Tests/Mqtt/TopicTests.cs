using IoTStack.Ingest.Authentication;
using IoTStack.Ingest.Mqtt;
using IoTStack.Storage.Devices;

namespace IoTStack.Ingest.Tests.Mqtt;

public class TopicTests
{
    private static readonly TopicAuthoriser Topics = new([new DeviceTopicGrants()]);
    private static readonly DevicePrincipal DeviceA = new(41, "device-a");

    [Theory]
    [InlineData("devices/device-a/telemetry", "device-a")]
    [InlineData("devices/41/telemetry", "41")]
    public void Parses_the_device_of_a_telemetry_topic(string topic, string device)
    {
        Assert.True(DeviceTopics.TryParseTelemetry(topic, out var parsed));
        Assert.Equal(device, parsed);
    }

    [Theory]
    [InlineData("devices//telemetry")]
    [InlineData("devices/a/b/telemetry")]
    [InlineData("devices/a/status")]
    [InlineData("sample")]
    public void Other_topics_are_not_telemetry(string topic) => Assert.False(DeviceTopics.TryParseTelemetry(topic, out _));

    [Theory]
    [InlineData("devices/device-a/telemetry", true)]
    [InlineData("devices/41/telemetry", true)]
    [InlineData("devices/device-b/telemetry", false)]
    [InlineData("devices/+/telemetry", false)]
    public void A_device_publishes_only_as_itself(string topic, bool allowed) =>
        Assert.Equal(allowed, Topics.IsAllowed(DeviceA, TopicRight.Publish, topic));

    [Fact]
    public void A_source_credential_publishes_for_any_device() =>
        Assert.True(Topics.IsAllowed(new SourcePrincipal("ttn"), TopicRight.Publish, "devices/new-sensor/telemetry"));

    [Theory]
    [InlineData("devices/device-a/alerts", true)]
    [InlineData("devices/device-a/#", true)]
    [InlineData("devices/device-b/#", false)]
    [InlineData("#", false)]
    public void Subscriptions_need_a_grant(string filter, bool allowed) =>
        Assert.Equal(allowed, Topics.IsAllowed(DeviceA, TopicRight.Subscribe, filter));

    [Fact]
    public void Another_grant_source_adds_rights_without_touching_the_gateway()
    {
        var withRules = new TopicAuthoriser([new DeviceTopicGrants(), new FixedGrants(new TopicGrant("!rules/#", TopicRight.Subscribe))]);
        Assert.True(withRules.IsAllowed(DeviceA, TopicRight.Subscribe, "!rules/overheat"));
    }

    [Theory]
    [InlineData("Bearer abc", true)]
    [InlineData("bearer abc", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Bearer", false)]
    [InlineData("Bearer ", false)]
    [InlineData("Basic abc", false)]
    [InlineData("Bearer a b", false)]
    public void Bearer_header_is_read_case_insensitively(string? header, bool valid) =>
        Assert.Equal(valid, BearerToken.TryRead(header, out _, out _));

    private sealed class FixedGrants(params TopicGrant[] grants) : ITopicGrantSource
    {
        public IEnumerable<TopicGrant> GrantsFor(CredentialPrincipal principal) => grants;
    }
}
