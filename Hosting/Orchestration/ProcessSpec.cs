namespace IoTStack.Hosting;

/// <summary>One process to start for one replica, and how to stop it politely.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The polite stop signal when there is no <see cref="Stop"/> command. SIGINT suits PostgreSQL ("fast shutdown");
    /// .NET services get SIGTERM, which they honour even when started from a shell that ignores SIGINT.
    /// </summary>
    public StopSignal StopSignal { get; init; } = StopSignal.Interrupt;

    /// <summary>Replaces the signal as the polite stop (e.g. <c>docker stop</c>); the process is killed if it is not gone in time.</summary>
    public Func<CancellationToken, Task>? Stop { get; init; }

    /// <summary>Cleans up what outlives the process (RabbitMQ's epmd daemon).</summary>
    public Func<CancellationToken, Task>? AfterExit { get; init; }

    /// <summary>A line for the resource's console log before it starts (e.g. why a fallback was taken).</summary>
    public string? Notice { get; init; }

    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName));
}
