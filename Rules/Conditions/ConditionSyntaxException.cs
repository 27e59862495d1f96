namespace IoTStack.Rules.Conditions;

/// <summary>A condition that cannot be parsed or can never hold; <see cref="Column"/> is 1-based.</summary>
public sealed class ConditionSyntaxException(int column, string reason) : Exception($"column {column}: {reason}")
{
    public int Column { get; } = column;

    public string Reason { get; } = reason;
}
