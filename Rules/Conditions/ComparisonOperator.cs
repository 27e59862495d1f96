namespace IoTStack.Rules.Conditions;

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

public static class ComparisonOperators
{
    public static ComparisonOperator Parse(string text) => text switch
    {
        "==" => ComparisonOperator.Equal,
        "!=" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "Not a comparison operator."),
    };

    public static bool IsOrdering(this ComparisonOperator op) => op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
}
