namespace IoTStack.Hosting;

/// <summary>
/// A value the application needs but does not hard-code, such as a generated password. At run time the value is
/// generated once and kept in the state folder so it survives restarts; the manifest describes how to generate it.
/// </summary>
public sealed class ParameterResource(string name, Func<string> runValue, GenerateOptions? generate, bool secret) : Resource(name), IValueProvider
{
    private readonly Lazy<string> _value = new(runValue);

    public override string Kind => "Parameter";

    public override bool IsVisible => false;

    public GenerateOptions? Generate { get; } = generate;

    public bool Secret { get; } = secret;

    public string GetValue() => _value.Value;

    public string ManifestExpression => $"{{{Name}.value}}";
}

/// <summary>How a deployment tool should generate a parameter (the manifest's <c>default.generate</c>).</summary>
/// <param name="PrintWhenGenerated">Show the value once, when it is generated (an admin password the user needs).</param>
public sealed record GenerateOptions(int MinLength, bool Special = false, bool PrintWhenGenerated = false);
