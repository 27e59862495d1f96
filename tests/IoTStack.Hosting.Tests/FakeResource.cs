namespace IoTStack.Hosting.Tests;

/// <summary>A resource whose process is a harmless shell command and whose health the test decides.</summary>
internal sealed class FakeResource(string name, FakeLauncher launcher) : Resource(name), IRunnableResource
{
    public override string Kind => "Fake";

    public IResourceLauncher CreateLauncher(LaunchContext context) => launcher;
}

internal sealed class FakeLauncher(string fileName, params string[] arguments) : IResourceLauncher
{
    private int _prepared;

    public bool Healthy { get; set; }

    /// <summary>Replaces the health answer, e.g. with a probe that fails in its own way.</summary>
    public Func<CancellationToken, Task<bool>>? Probe { get; init; }

    public int Prepared => Volatile.Read(ref _prepared);

    public Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _prepared);
        return Task.FromResult(new ProcessSpec(fileName, arguments));
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) =>
        Probe?.Invoke(cancellationToken) ?? Task.FromResult(Healthy);
}
