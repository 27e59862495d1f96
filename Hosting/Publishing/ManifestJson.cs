using System.Text.Json;

namespace IoTStack.Hosting;

/// <summary>The parts several entry types share: env, bindings, volumes and bind mounts.</summary>
internal static class ManifestJson
{
    public static void WriteEnvironment(Utf8JsonWriter writer, IDictionary<string, IValueProvider> environment)
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

    public static void WriteBindings(Utf8JsonWriter writer, Resource resource)
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

    public static void WriteMounts(Utf8JsonWriter writer, string property, IEnumerable<(string Key, string Value, string Target, bool ReadOnly)> mounts)
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
}
