using System.Text.Json;

namespace IoTStack.Hosting;

/// <summary>A parameter.v0 entry: how a deployment tool asks for, or generates, the value.</summary>
internal static class ManifestParameterWriter
{
    public static void Write(ParameterResource parameter, Utf8JsonWriter writer)
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
}
