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
                WriteEnvironment(writer, EnvironmentContext.Build(project, isPublishMode: true));
                WriteBindings(writer, project);
                break;
            case PostgresDatabaseResource database:
                writer.WriteString("type", "value.v0");
                writer.WriteString("connectionString", database.ConnectionStringExpression.ManifestExpression);
                break;
            case IContainerResource container:
                WriteContainer(resource, container.GetContainerSpec(), writer, manifestDirectory);
                break;
            case ParameterResource parameter:
                WriteParameter(parameter, writer);
                break;
            default:
                throw new NotSupportedException($"The manifest has no entry type for {resource}.");
        }
    }

    private static void WriteContainer(Resource resource, ContainerSpec spec, Utf8JsonWriter writer, string manifestDirectory)
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

        WriteMounts(writer, "volumes", spec.Volumes.Select(v => ("name", v.Name, v.Target, v.ReadOnly)));
        WriteMounts(writer, "bindMounts", spec.BindMounts.Select(m => ("source", Path.GetRelativePath(manifestDirectory, m.Source).Replace('\\', '/'), m.Target, m.ReadOnly)));
        var environment = new SortedDictionary<string, IValueProvider>(spec.Environment, StringComparer.Ordinal);
        foreach (var (name, value) in EnvironmentContext.Build(resource, isPublishMode: true))
        {
            environment[name] = value;
        }

        WriteEnvironment(writer, environment);
        WriteBindings(writer, resource);
    }

    private static void WriteParameter(ParameterResource parameter, Utf8JsonWriter writer)
    {
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }

        if (parameter.Generate is { } generate)
        {
            writer.WriteStartObject("default");
            writer.WriteStartObject("generate");
            writer.WriteNumber("minLength", generate.MinLength);
            if (!generate.Special)
            {
                writer.WriteBoolean("special", false);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteMounts(Utf8JsonWriter writer, string property, IEnumerable<(string Key, string Value, string Target, bool ReadOnly)> mounts)
    {
        var list = mounts.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(property);
        foreach (var (key, value, target, readOnly) in list)
        {
            writer.WriteStartObject();
            writer.WriteString(key, value);
            writer.WriteString("target", target);
            writer.WriteBoolean("readOnly", readOnly);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteEnvironment(Utf8JsonWriter writer, IDictionary<string, IValueProvider> environment)
    {
        if (environment.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("env");
        foreach (var (name, value) in environment)
        {
            writer.WriteString(name, value.ManifestExpression);
        }

        writer.WriteEndObject();
    }

    private static void WriteBindings(Utf8JsonWriter writer, Resource resource)
    {
        if (resource.Endpoints.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("bindings");
        foreach (var endpoint in resource.Endpoints)
        {
            writer.WriteStartObject(endpoint.Name);
            writer.WriteString("scheme", endpoint.Scheme);
            writer.WriteString("protocol", "tcp");
            writer.WriteString("transport", endpoint.Transport);
            // As Aspire: "port" only when it is fixed and differs from the target port.
            if (endpoint.Port is int port && port != endpoint.TargetPort)
            {
                writer.WriteNumber("port", port);
            }

            if (endpoint.TargetPort is int targetPort)
            {
                writer.WriteNumber("targetPort", targetPort);
            }

            if (endpoint.IsExternal)
            {
                writer.WriteBoolean("external", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
