using MQTTnet;

namespace IoTStack.Rules.Engine;

/// <summary>MQTT wildcard matching (<c>+</c>, <c>#</c>), by MQTTnet's own comparer.</summary>
public static class TopicFilter
{
    public static bool Matches(string topic, string filter) =>
        MqttTopicFilterComparer.Compare(topic, filter) == MqttTopicFilterCompareResult.IsMatch;
}
