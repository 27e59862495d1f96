namespace IoTStack.Hosting;

public enum StopSignal
{
    /// <summary>SIGINT, what Ctrl+C sends.</summary>
    Interrupt,

    /// <summary>SIGTERM, what service managers send.</summary>
    Terminate,
}
