namespace IoTStack.Deployment.Tests;

/// <summary>Whatever the AppHost models, infra/ provisions: the Bicep is named after the manifest's resources.</summary>
public sealed class ManifestCoverageTests
{
    [Fact]
    public async Task Every_manifest_resource_has_its_bicep_counterpart()
    {
        var resources = await AspireManifest.ResourcesAsync();
        var template = await AzureTemplate.BuildAsync();

        Assert.NotEmpty(resources);
        Assert.All(resources, resource =>
        {
            var name = AspireManifest.ToBicepName(resource.Key);
            switch (resource.Value)
            {
                case "parameter.v0":
                    Assert.Contains(name, template.Parameters);
                    break;
                case "project.v0" or "container.v0":
                    Assert.Contains(resource.Key, template.Deployments);
                    Assert.Contains(template.Outputs, output => output.StartsWith(name, StringComparison.Ordinal));
                    break;
                default:
                    Assert.Contains(template.Outputs, output => output.StartsWith(name, StringComparison.Ordinal));
                    break;
            }
        });
    }

    [Fact]
    public void Manifest_names_become_bicep_identifiers()
    {
        Assert.Equal("iotClusterClusterId", AspireManifest.ToBicepName("iot-cluster-cluster-id"));
        Assert.Equal("iotdb", AspireManifest.ToBicepName("iotdb"));
    }
}
