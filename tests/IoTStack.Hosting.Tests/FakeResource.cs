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

    public int Prepared => Volatile.Read(ref _prepared);

    public Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _prepared);
        return Task.FromResult(new ProcessSpec(fileName, arguments));
    }

    public Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken) => Task.FromResult(Healthy);
}
