namespace IoTStack.Testing;

/// <summary>How a test wants the stack: replicas, extra AppHost arguments, how long to wait for health.</summary>
public sealed class IoTStackTestOptions
{
    /// <summary>Number of silo replicas (the AppHost's <c>Silo:Replicas</c>).</summary>
    public int SiloReplicas { get; init; } = 1;

    /// <summary>Number of Ingest replicas (the AppHost's <c>Ingest:Replicas</c>); each gets its own HTTP and MQTT ports.</summary>
    public int IngestReplicas { get; init; } = 1;

    /// <summary>Extra AppHost arguments, e.g. <c>--IoTStack:Containers=true</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Cold starts create a new PostgreSQL cluster and RabbitMQ node (~20 s on two cores); leave room.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Keep the throwaway state folder after disposal (to inspect server logs).</summary>
    public bool KeepState { get; init; }

    internal string[] ToArguments(string stateDirectory) =>
    [
        "--IoTStack:DynamicPorts=true",
        $"--IoTStack:StateDirectory={stateDirectory}",
        $"--Silo:Replicas={SiloReplicas}",
        $"--Ingest:Replicas={IngestReplicas}",
        .. Arguments,
    ];
}
