using System.Reflection;
using IoTStack.Hosting;

namespace IoTStack.Hosting.Tests;

/// <summary>Builds (never starts) the application that AppHost/Program.cs declares, in a throwaway state folder.</summary>
internal sealed class AppHostTopology : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"iotstack-unit-{Guid.NewGuid():N}");

    public AppHostTopology(params string[] arguments) =>
        Application = DistributedApplication.BuildFromEntryPoint(
            Assembly.Load("IoTStack.AppHost"), [$"--IoTStack:StateDirectory={_state}", .. arguments]);

    public DistributedApplication Application { get; }

    public string StateDirectory => _state;

    public Resource this[string name] => Application.GetResource(name);

    /// <summary>The environment one replica of a resource would be started with.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentOf(string name, int replica = 0) =>
        LaunchContext.ResolveEnvironment(this[name], replica);

    public int Port(string resource, string endpoint, int replica = 0) => this[resource].GetEndpoint(endpoint).GetPort(replica);

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
