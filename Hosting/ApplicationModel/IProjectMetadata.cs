namespace IoTStack.Hosting;

/// <summary>Where a service project lives and where its build output is; generated per service as <c>Projects.X</c>.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    string TargetPath { get; }
}
