namespace IoTStack.Hosting;

/// <summary>A .NET service of this repository, started from its build output as a child process.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata) : Resource(name), IRunnableResource
{
    public override string Kind => "Project";

    public IProjectMetadata Metadata { get; } = metadata;

    public IResourceLauncher CreateLauncher(LaunchContext context) => new ProjectLauncher(this, context);
}
