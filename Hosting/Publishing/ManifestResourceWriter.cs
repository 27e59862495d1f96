using System.Text.Json;

namespace IoTStack.Hosting;

/// <summary>The body of one manifest entry, by resource kind.</summary>
internal static class ManifestResourceWriter
{
    public static void Write(Resource resource, Utf8JsonWriter writer, string manifestDirectory)
    {
        switch (resource)
        {
            case ProjectResource project:
                writer.WriteString("type", "project.v0");
                writer.WriteString("path", Path.GetRelativePath(manifestDirectory, project.Metadata.ProjectPath).Replace('\\', '/'));
                ManifestJson.WriteEnvironment(writer, EnvironmentContext.Build(project, isPublishMode: true));
                ManifestJson.WriteBindings(writer, project);
                break;
            case PostgresDatabaseResource database:
                writer.WriteString("type", "value.v0");
                writer.WriteString("connectionString", database.ConnectionStringExpression.ManifestExpression);
                break;
            case IContainerResource container:
                ManifestContainerWriter.Write(resource, container.GetContainerSpec(), writer, manifestDirectory);
                break;
            case ParameterResource parameter:
                ManifestParameterWriter.Write(parameter, writer);
                break;
            default:
                throw new NotSupportedException($"The manifest has no entry type for {resource}.");
        }
    }
}

