namespace IoTStack.Hosting;

/// <summary>Aspire.Hosting.Orleans' verbs: AddOrleans, WithClustering/Reminders/GrainStorage, WithReference.</summary>
public static class OrleansBuilderExtensions
{
    public static IResourceBuilder<OrleansService> AddOrleans(this DistributedApplicationBuilder builder, string name)
    {
        var clusterId = builder.AddRunParameter($"{name}-cluster-id", () => $"{name}-{builder.Options.RunId}", new GenerateOptions(25));
        var serviceId = builder.AddRunParameter($"{name}-service-id", () => name, new GenerateOptions(25));
        return builder.AddResource(new OrleansService(name, clusterId, serviceId));
    }

    public static IResourceBuilder<OrleansService> WithClustering(this IResourceBuilder<OrleansService> orleans, IResourceBuilder<PostgresDatabaseResource> database)
    {
        orleans.Resource.Clustering = new OrleansProvider(database.Resource);
        return orleans;
    }

    public static IResourceBuilder<OrleansService> WithReminders(this IResourceBuilder<OrleansService> orleans, IResourceBuilder<PostgresDatabaseResource> database)
    {
        orleans.Resource.Reminders = new OrleansProvider(database.Resource);
        return orleans;
    }

    public static IResourceBuilder<OrleansService> WithGrainStorage(
        this IResourceBuilder<OrleansService> orleans, string name, IResourceBuilder<PostgresDatabaseResource> database)
    {
        orleans.Resource.GrainStorage[name] = new OrleansProvider(database.Resource);
        return orleans;
    }

    public static OrleansServiceClient AsClient(this IResourceBuilder<OrleansService> orleans) => new(orleans.Resource);

    /// <summary>Makes the project a silo: cluster ids, every provider, and its own silo and gateway ports.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project, IResourceBuilder<OrleansService> orleans)
    {
        var service = orleans.Resource;
        project.WithEndpoint("orleans-silo", "tcp", targetPort: null, env: "Orleans__Endpoints__SiloPort")
            .WithEndpoint("orleans-gateway", "tcp", env: "Orleans__Endpoints__GatewayPort")
            .WithEnvironment(context =>
            {
                AddClusterSettings(context, service);
                foreach (var (key, value) in service.Reminders?.Settings("Reminders") ?? [])
                {
                    context.Set(key, value);
                }

                foreach (var (name, provider) in service.GrainStorage)
                {
                    foreach (var (key, value) in provider.Settings($"GrainStorage__{name}"))
                    {
                        context.Set(key, value);
                    }
                }
            });
        return project;
    }

    /// <summary>Makes the project an Orleans client: cluster ids and clustering, so it finds the gateways.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project, OrleansServiceClient client)
    {
        project.WithEnvironment(context => AddClusterSettings(context, client.Service));
        return project;
    }

    private static void AddClusterSettings(EnvironmentContext context, OrleansService service)
    {
        var clustering = service.Clustering
            ?? throw new InvalidOperationException($"Orleans service '{service.Name}' needs WithClustering(...).");
        context.Set("Orleans__ClusterId", service.ClusterId);
        context.Set("Orleans__ServiceId", service.ServiceId);
        context.Set("Orleans__EnableDistributedTracing", "true");
        foreach (var (key, value) in clustering.Settings("Clustering"))
        {
            context.Set(key, value);
        }
    }
}
