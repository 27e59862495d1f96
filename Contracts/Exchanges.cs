namespace IoTStack.Contracts;

/// <summary>The durable fan-out exchanges of the narrow waist, named as in IoTa.</summary>
public static class Exchanges
{
    /// <summary>Front ends (Ingest) publish normalised messages here.</summary>
    public const string PhysicalTimeseries = "physical_timeseries";

    /// <summary>The mid-tier (Silo) republishes mapped messages here for back ends.</summary>
    public const string LogicalTimeseries = "logical_timeseries";

    /// <summary>Messages that kept failing, with the reason in their headers.</summary>
    public const string DeadLetter = "iotstack.dead_letter";
}
