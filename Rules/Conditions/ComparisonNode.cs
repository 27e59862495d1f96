namespace IoTStack.Rules.Conditions;

/// <summary>
/// <c>left op right</c> with Python's rules: numbers with numbers, strings with strings (ordinal), booleans for
/// equality; values of different kinds are unequal and cannot be ordered (Unknown, as Python would raise).
/// </summary>
public sealed class ComparisonNode(OperandNode left, ComparisonOperator op, OperandNode right, int column) : ConditionNode(column)
{
    public OperandNode Left { get; } = left;

    public ComparisonOperator Operator { get; } = op;

    public OperandNode Right { get; } = right;

    public override Truth Test(IVariableScope scope) => Compare(Left.Evaluate(scope), Operator, Right.Evaluate(scope));

    public static Truth Compare(ConditionValue a, ComparisonOperator op, ConditionValue b)
    {
        if (a.Kind == ValueKind.Missing || b.Kind == ValueKind.Missing)
        {
            return Truth.Unknown;
        }

        if (a.Kind != b.Kind)
        {
            return op switch
            {
                ComparisonOperator.Equal => Truth.False,
                ComparisonOperator.NotEqual => Truth.True,
                _ => Truth.Unknown,
            };
        }

        int order;
        switch (a.Kind)
        {
            case ValueKind.Number:
                order = a.Number.CompareTo(b.Number);
                break;
            case ValueKind.Text:
                order = string.CompareOrdinal(a.Text, b.Text);
                break;
            default:
                order = a.Boolean.CompareTo(b.Boolean);
                break;
        }

        return (op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        }) ? Truth.True : Truth.False;
    }
}
