namespace IoTStack.Deployment.Tests;

/// <summary><c>azd up</c> would accept infra/: it compiles and lints clean with the pinned Bicep CLI.</summary>
public sealed class BicepTests
{
    private static readonly string MainBicep = Repository.PathOf("infra", "main.bicep");

    [Fact]
    public async Task Bicep_build_succeeds_without_warnings()
    {
        var output = Path.Combine(Path.GetTempPath(), $"iotstack-main-{Guid.NewGuid():N}.json");
        try
        {
            var result = await BicepCli.RunAsync("build", MainBicep, "--outfile", output);

            Assert.Empty(BicepCli.Diagnostics(result));
            Assert.Equal(0, result.ExitCode);
            Assert.True(File.Exists(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Bicep_lint_reports_nothing()
    {
        var result = await BicepCli.RunAsync("lint", MainBicep);

        Assert.Empty(BicepCli.Diagnostics(result));
        Assert.Equal(0, result.ExitCode);
    }
}
