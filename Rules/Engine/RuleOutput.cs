namespace IoTStack.Rules.Engine;

/// <summary>A message a filter or rule publishes; <see cref="Producer"/> names it ("filter 1", "rule 2") for metrics.</summary>
public sealed record RuleOutput(string Topic, byte[] Payload, string Document, string Producer);
