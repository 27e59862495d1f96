namespace IoTStack.Grafana.Tests;

/// <summary>
/// A template variable's current value as Grafana's SQL data sources interpolate it: a single-value variable
/// is inserted as it is; a multi-value (or include-all) variable becomes a comma-separated list of quoted strings.
/// </summary>
public sealed record TemplateValue(IReadOnlyList<string> Values, bool IsMulti)
{
    public static TemplateValue One(string value) => new([value], false);

    public static TemplateValue Multi(params string[] values) => new(values, true);

    public string Render() => IsMulti
        ? string.Join(',', Values.Select(v => $"'{v.Replace("'", "''", StringComparison.Ordinal)}'"))
        : Values[0];
}
