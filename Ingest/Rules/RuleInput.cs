namespace IoTStack.Ingest.Rules;

/// <summary>An MQTT message waiting to be run through the filters and rules.</summary>
public sealed record RuleInput(string Topic, byte[] Payload);
