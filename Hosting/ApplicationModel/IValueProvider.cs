namespace IoTStack.Hosting;

/// <summary>
/// A value known at run time (a port, a password) that the manifest writes as an expression such as
/// <c>{postgres.bindings.tcp.port}</c> instead.
/// </summary>
public interface IValueProvider
{
    string GetValue();

    string ManifestExpression { get; }
}

/// <summary>A plain string, the same at run time and in the manifest.</summary>
public sealed record ValueLiteral(string Value) : IValueProvider
{
    public string GetValue() => Value;

    public string ManifestExpression => Value;

    public static implicit operator ValueLiteral(string value) => new(value);

    public static ValueLiteral FromString(string value) => new(value);
}
