namespace IoTStack.Hosting.Tests;

/// <summary>Container mode is used only when asked for and an engine answers; otherwise the local server runs.</summary>
public sealed class ContainerModeTests : IDisposable
{
    private readonly HttpClient _http = new();

    [Theory]
    [InlineData("docker", "container")]
    [InlineData(null, "local")]
    public async Task Takes_the_container_only_when_an_engine_answers(string? runtime, string expected)
    {
        var context = new LaunchContext(new HostingOptions { StateDirectory = "/tmp", AppHostDirectory = "/tmp" }, new FixedRuntime(runtime), _http);
        var launcher = new PreferContainerLauncher(new FakeLauncher("container"), new FakeLauncher("local"), context);

        var spec = await launcher.PrepareAsync(0, CancellationToken.None);

        Assert.Equal(expected, spec.FileName);
        Assert.Equal(runtime is null, spec.Notice?.Contains("running the local server instead", StringComparison.Ordinal) ?? false);
    }

    public void Dispose() => _http.Dispose();

    private sealed class FixedRuntime(string? runtime) : ContainerRuntime
    {
        public override Task<string?> GetAsync() => Task.FromResult(runtime);
    }
}
