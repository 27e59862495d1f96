namespace IoTStack.Hosting;

public static class GrafanaBuilderExtensions
{
    /// <summary>
    /// Adds Grafana on http <paramref name="port"/> (3000 by default) with a generated admin password and anonymous
    /// access off. Datasource settings reach it through <c>WithReference</c> environment variables.
    /// </summary>
    public static IResourceBuilder<GrafanaResource> AddGrafana(this DistributedApplicationBuilder builder, string name, int? port = 3000)
    {
        var adminPassword = builder.AddGeneratedParameter($"{name}-admin-password", new GenerateOptions(22));
        var grafana = builder.AddResource(new GrafanaResource(name, adminPassword))
            .WithEndpoint("http", "http", port, targetPort: 3000)
            .WithExternalHttpEndpoints()
            .WithEnvironment("GF_SECURITY_ADMIN_USER", "admin")
            .WithEnvironment("GF_SECURITY_ADMIN_PASSWORD", adminPassword)
            .WithEnvironment("GF_AUTH_ANONYMOUS_ENABLED", "false")
            .WithEnvironment("GF_ANALYTICS_REPORTING_ENABLED", "false")
            .WithEnvironment("GF_ANALYTICS_CHECK_FOR_UPDATES", "false");
        return grafana;
    }

    /// <summary>Uses a provisioning folder (path relative to the AppHost project folder).</summary>
    public static IResourceBuilder<GrafanaResource> WithProvisioning(this IResourceBuilder<GrafanaResource> grafana, string path)
    {
        grafana.Resource.ProvisioningPath = Path.GetFullPath(Path.Combine(grafana.ApplicationBuilder.Options.AppHostDirectory, path));
        return grafana;
    }
}
