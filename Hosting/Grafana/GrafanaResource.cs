namespace IoTStack.Hosting;

/// <summary>
/// Grafana, provisioned from the repository's Grafana/ folder: a local <c>grafana</c> binary when installed, else
/// the <c>grafana/grafana</c> image when a container runtime works, else shown as NotAvailable.
/// </summary>
public sealed class GrafanaResource(string name, ParameterResource adminPassword) : Resource(name), IRunnableResource, IContainerResource
{
    public const string ContainerProvisioningPath = "/etc/grafana/provisioning";
    public const string ContainerDashboardsPath = "/var/lib/grafana/dashboards";

    public override string Kind => "Grafana";

    public ParameterResource AdminPassword { get; } = adminPassword;

    /// <summary>Absolute path of the provisioning folder (datasources/, dashboards/).</summary>
    public string? ProvisioningPath { get; internal set; }

    /// <summary>Absolute path of the dashboard JSON folder.</summary>
    public string? DashboardsPath { get; internal set; }

    public ContainerSpec GetContainerSpec()
    {
        var spec = new ContainerSpec("docker.io/grafana/grafana:latest");
        foreach (var (name, value) in EnvironmentContext.Build(this, isPublishMode: true))
        {
            spec.Environment[name] = value;
        }

        if (ProvisioningPath is not null)
        {
            spec.BindMounts.Add(new ContainerBindMount(ProvisioningPath, ContainerProvisioningPath));
        }

        if (DashboardsPath is not null)
        {
            spec.BindMounts.Add(new ContainerBindMount(DashboardsPath, ContainerDashboardsPath));
        }

        return spec;
    }

    public IResourceLauncher CreateLauncher(LaunchContext context) => new GrafanaLauncher(this, context);
}
