namespace IoTStack.Rules.Conditions;

/// <summary>A rule statement's <c>payload_type</c>: the type of the payload fields its condition reads.</summary>
public enum PayloadType
{
    Integral,
    Real,
    Text,
    Boolean,
}

public static class PayloadTypes
{
    public static bool TryParse(string? text, out PayloadType type)
    {
        (var known, type) = text switch
        {
            "int" => (true, PayloadType.Integral),
            "float" => (true, PayloadType.Real),
            "str" => (true, PayloadType.Text),
            "bool" => (true, PayloadType.Boolean),
            _ => (false, PayloadType.Integral),
        };
        return known;
    }

    public static ValueKind ValueKind(this PayloadType type) => type switch
    {
        PayloadType.Integral or PayloadType.Real => Conditions.ValueKind.Number,
        PayloadType.Text => Conditions.ValueKind.Text,
        _ => Conditions.ValueKind.Boolean,
    };

    public static string Name(this PayloadType type) => type switch
    {
        PayloadType.Integral => "int",
        PayloadType.Real => "float",
        PayloadType.Text => "str",
        _ => "bool",
    };
}
