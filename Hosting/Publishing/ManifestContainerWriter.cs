using System.Text.Json;

namespace IoTStack.Hosting;

/// <summary>A container.v0 entry: image, mounts, environment and bindings of a server resource.</summary>
internal static class ManifestContainerWriter
{
    public static void Write(Resource resource, ContainerSpec spec, Utf8JsonWriter writer, string manifestDirectory)
    {
        writer.WriteString("type", "container.v0");
        if (resource is IResourceWithConnectionString withConnectionString)
        {
            writer.WriteString("connectionString", withConnectionString.ConnectionStringExpression.ManifestExpression);
        }

        writer.WriteString("image", spec.Image);
        if (spec.Arguments.Count > 0)
        {
            writer.WriteStartArray("args");
            spec.Arguments.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        ManifestJson.WriteMounts(writer, "volumes", spec.Volumes.Select(v => ("name", v.Name, v.Target, v.ReadOnly)));
        ManifestJson.WriteMounts(writer, "bindMounts", spec.BindMounts.Select(m => ("source", Path.GetRelativePath(manifestDirectory, m.Source).Replace('\\', '/'), m.Target, m.ReadOnly)));
        var environment = new SortedDictionary<string, IValueProvider>(spec.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in EnvironmentContext.Build(resource, isPublishMode: true))
        {
            environment[name] = value;
        }

        ManifestJson.WriteEnvironment(writer, environment);
        ManifestJson.WriteBindings(writer, resource);
    }
}
