namespace IoTStack.Ingest.Rules;

/// <summary>Rule evaluation in Ingest, bound from the <c>Rules</c> section.</summary>
public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>MQTT messages waiting for evaluation at most; beyond it, messages skip evaluation (never ingest).</summary>
    public int QueueCapacity { get; set; } = 100_000;
}
