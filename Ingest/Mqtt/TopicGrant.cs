namespace IoTStack.Ingest.Mqtt;

/// <summary>A right on every topic matching an MQTT topic filter (wildcards <c>+</c> and <c>#</c> allowed).</summary>
public sealed record TopicGrant(string Filter, TopicRight Right);
