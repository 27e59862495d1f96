using System.Globalization;

namespace IoTStack.Rules.Conditions;

/// <summary>A scalar read from a payload or written in a condition.</summary>
public readonly record struct ConditionValue(ValueKind Kind, double Number = 0, string? Text = null, bool Boolean = false)
{
    public static readonly ConditionValue Missing = new(ValueKind.Missing);

    public static ConditionValue Of(double number) => new(ValueKind.Number, Number: number);

    public static ConditionValue Of(string text) => new(ValueKind.Text, Text: text);

    public static ConditionValue Of(bool value) => new(ValueKind.Boolean, Boolean: value);

    /// <summary>Python truthiness, used when a bare variable stands as a condition.</summary>
    public Truth AsTruth() => Kind switch
    {
        ValueKind.Boolean => Boolean ? Truth.True : Truth.False,
        ValueKind.Number => Number != 0 ? Truth.True : Truth.False,
        ValueKind.Text => Text!.Length > 0 ? Truth.True : Truth.False,
        _ => Truth.Unknown,
    };

    public override string ToString() => Kind switch
    {
        ValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        ValueKind.Text => $"\"{Text}\"",
        ValueKind.Boolean => Boolean ? "true" : "false",
        _ => "missing",
    };
}
