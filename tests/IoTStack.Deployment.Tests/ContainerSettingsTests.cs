namespace IoTStack.Deployment.Tests;

/// <summary>What <c>dotnet publish /t:PublishContainer</c> would build, read from the evaluated project files.</summary>
public sealed class ContainerSettingsTests
{
    public static TheoryData<string, string, string[]> Services => new()
    {
        { "Silo/IoTStack.Silo.csproj", "iotstack-silo", ["8080", "11111", "30000"] },
        { "Api/IoTStack.Api.csproj", "iotstack-api", ["8080"] },
        { "Ingest/IoTStack.Ingest.csproj", "iotstack-ingest", ["8080", "1883"] },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_publishes_a_non_root_aspnet_image_with_its_ports_and_probe_paths(string project, string repository, string[] ports)
    {
        var evaluation = await MsBuildEvaluation.EvaluateAsync(
            Repository.PathOf(project),
            ["EnableSdkContainerSupport", "ContainerBaseImage", "ContainerUser", "ContainerRepository"],
            ["ContainerPort", "ContainerLabel", "ContainerEnvironmentVariable"]);

        Assert.Equal("true", evaluation.Property("EnableSdkContainerSupport"), ignoreCase: true);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", evaluation.Property("ContainerBaseImage"));
        Assert.Equal("app", evaluation.Property("ContainerUser"));
        Assert.Equal(repository, evaluation.Property("ContainerRepository"));
        Assert.Equal(ports.Order(), evaluation.Items("ContainerPort", "Type").Select(p => p.Identity).Order());
        Assert.All(evaluation.Items("ContainerPort", "Type"), p => Assert.Equal("tcp", p.Metadata));
        var labels = evaluation.Items("ContainerLabel", "Value").ToDictionary(l => l.Identity, l => l.Metadata);
        Assert.Equal("/health", labels["io.iotstack.health.readiness"]);
        Assert.Equal("/alive", labels["io.iotstack.health.liveness"]);
        var environment = evaluation.Items("ContainerEnvironmentVariable", "Value").ToDictionary(e => e.Identity, e => e.Metadata);
        Assert.Equal("8080", environment["ASPNETCORE_HTTP_PORTS"]);
    }

    [Fact]
    public async Task Ingest_listens_for_mqtt_on_the_port_its_image_exposes()
    {
        var evaluation = await MsBuildEvaluation.EvaluateAsync(Repository.PathOf("Ingest/IoTStack.Ingest.csproj"), [], ["ContainerEnvironmentVariable"]);

        var environment = evaluation.Items("ContainerEnvironmentVariable", "Value").ToDictionary(e => e.Identity, e => e.Metadata);
        Assert.Equal("1883", environment["Mqtt__Port"]);
    }

    [Fact]
    public async Task The_silo_listens_on_the_orleans_ports_its_image_exposes()
    {
        var evaluation = await MsBuildEvaluation.EvaluateAsync(Repository.PathOf("Silo/IoTStack.Silo.csproj"), [], ["ContainerEnvironmentVariable"]);

        var environment = evaluation.Items("ContainerEnvironmentVariable", "Value").ToDictionary(e => e.Identity, e => e.Metadata);
        Assert.Equal("11111", environment["Orleans__Endpoints__SiloPort"]);
        Assert.Equal("30000", environment["Orleans__Endpoints__GatewayPort"]);
    }
}
