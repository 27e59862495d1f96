namespace IoTStack.Rules.Conditions;

/// <summary>
/// Rejects, at save time, conditions that a rule statement's <c>payload_type</c> can never satisfy: comparing an
/// int field with a string, ordering booleans, using a number as a condition on its own, an int equal to 36.6.
/// </summary>
public static class ShapeChecker
{
    public static void Check(ConditionNode node, PayloadType type)
    {
        switch (node)
        {
            case AndNode and:
                Check(and.Left, type);
                Check(and.Right, type);
                break;
            case OrNode or:
                Check(or.Left, type);
                Check(or.Right, type);
                break;
            case NotNode not:
                Check(not.Operand, type);
                break;
            case TruthyNode { Operand: VariableNode variable } when type != PayloadType.Boolean:
                throw new ConditionSyntaxException(variable.Column,
                    $"'{variable}' is {type.Name()} (payload_type), not a condition on its own; compare it, e.g. '{variable} > 0'");
            case ComparisonNode comparison:
                CheckComparison(comparison, type);
                break;
        }
    }

    private static void CheckComparison(ComparisonNode comparison, PayloadType type)
    {
        var left = KindOf(comparison.Left, type);
        var right = KindOf(comparison.Right, type);
        var variable = comparison.Left as VariableNode ?? comparison.Right as VariableNode;
        var subject = variable is null ? $"{comparison.Left}" : $"'{variable}' is {type.Name()} (payload_type) and";
        if (left != right)
        {
            var other = left == KindOf(variable, type) ? comparison.Right : comparison.Left;
            throw new ConditionSyntaxException(comparison.Column, $"{subject} can never be compared with {other}");
        }

        if (left == ValueKind.Boolean && comparison.Operator.IsOrdering())
        {
            throw new ConditionSyntaxException(comparison.Column, "booleans can only be compared with == or !=");
        }

        if (type == PayloadType.Integral && variable is not null && comparison.Operator == ComparisonOperator.Equal &&
            (comparison.Left as LiteralNode ?? comparison.Right as LiteralNode) is { Value.Number: var number } literal &&
            number != Math.Floor(number))
        {
            throw new ConditionSyntaxException(comparison.Column, $"{subject} can never equal {literal}");
        }
    }

    private static ValueKind KindOf(OperandNode? operand, PayloadType type) => operand switch
    {
        LiteralNode literal => literal.Value.Kind,
        _ => type.ValueKind(),
    };
}
