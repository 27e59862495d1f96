namespace IoTStack.Hosting;

public static class ProjectBuilderExtensions
{
    /// <summary>Adds a service project (<c>Projects.X</c> is generated for every service the AppHost references).</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this DistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        var project = builder.AddResource(new ProjectResource(name, metadata));
        project.Resource.EnvironmentCallbacks.Add(context => ProjectEnvironment.AddDefaults(project.Resource, builder.Options, context));
        return project;
    }
}
