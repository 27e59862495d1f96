namespace IoTStack.Hosting;

public static class GrafanaBuilderExtensions
{
    /// <summary>
    /// Adds Grafana on http <paramref name="port"/> (3000 by default) with a generated admin password and anonymous
    /// access off. Datasource settings reach it through <c>WithReference</c> environment variables.
    /// </summary>
    public static IResourceBuilder<GrafanaResource> AddGrafana(this DistributedApplicationBuilder builder, string name, int? port = 3000)
    {
        var adminPassword = builder.AddGeneratedParameter($"{name}-admin-password", new GenerateOptions(22, PrintWhenGenerated: true));
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

    /// <summary>
    /// The PostgreSQL datasource, as the variables the provisioning file expands: <c>IOTSTACK_DB_HOST</c>,
    /// <c>_PORT</c>, <c>_NAME</c>, <c>_USER</c>, <c>_PASSWORD</c>, for a read-only login (never the owner).
    /// </summary>
    public static IResourceBuilder<GrafanaResource> WithDataSource(this IResourceBuilder<GrafanaResource> grafana, IResourceBuilder<PostgresLoginResource> login)
    {
        var server = login.Resource.Database.Server;
        return grafana
            .WithEnvironment("IOTSTACK_DB_HOST", server.Host)
            .WithEnvironment("IOTSTACK_DB_PORT", server.Port)
            .WithEnvironment("IOTSTACK_DB_NAME", login.Resource.Database.DatabaseName)
            .WithEnvironment("IOTSTACK_DB_USER", login.Resource.UserName)
            .WithEnvironment("IOTSTACK_DB_PASSWORD", login.Resource.Password);
    }

    /// <summary>The dashboards folder (relative to the AppHost project), named to Grafana as <c>IOTSTACK_DASHBOARDS_PATH</c>.</summary>
    public static IResourceBuilder<GrafanaResource> WithDashboards(this IResourceBuilder<GrafanaResource> grafana, string path)
    {
        grafana.Resource.DashboardsPath = Path.GetFullPath(Path.Combine(grafana.ApplicationBuilder.Options.AppHostDirectory, path));
        return grafana.WithEnvironment(context => context.Set("IOTSTACK_DASHBOARDS_PATH",
            context.IsPublishMode ? GrafanaResource.ContainerDashboardsPath : grafana.Resource.DashboardsPath));
    }

    /// <summary>Uses a provisioning folder (path relative to the AppHost project folder).</summary>
    public static IResourceBuilder<GrafanaResource> WithProvisioning(this IResourceBuilder<GrafanaResource> grafana, string path)
    {
        grafana.Resource.ProvisioningPath = Path.GetFullPath(Path.Combine(grafana.ApplicationBuilder.Options.AppHostDirectory, path));
        return grafana;
    }
}
