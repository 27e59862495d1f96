namespace IoTStack.Rules.Conditions;

/// <summary>A parsed condition: a tree evaluated in one walk, with Python's short-circuiting and/or.</summary>
public abstract class ConditionNode(int column)
{
    public int Column { get; } = column;

    public abstract Truth Test(IVariableScope scope);

    /// <summary>True only when the condition certainly holds (see <see cref="Truth.Unknown"/>).</summary>
    public bool IsSatisfiedBy(IVariableScope scope) => Test(scope) == Truth.True;
}

public sealed class AndNode(ConditionNode left, ConditionNode right, int column) : ConditionNode(column)
{
    public ConditionNode Left { get; } = left;

    public ConditionNode Right { get; } = right;

    public override Truth Test(IVariableScope scope) => Left.Test(scope) is var first && first == Truth.True ? Right.Test(scope) : first;
}

public sealed class OrNode(ConditionNode left, ConditionNode right, int column) : ConditionNode(column)
{
    public ConditionNode Left { get; } = left;

    public ConditionNode Right { get; } = right;

    public override Truth Test(IVariableScope scope) => Left.Test(scope) is var first && first == Truth.False ? Right.Test(scope) : first;
}

public sealed class NotNode(ConditionNode operand, int column) : ConditionNode(column)
{
    public ConditionNode Operand { get; } = operand;

    public override Truth Test(IVariableScope scope) => Operand.Test(scope) switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}

/// <summary>A bare value standing as a condition (<c>$alarm</c>, or <c>$1</c> in rule logic).</summary>
public sealed class TruthyNode(OperandNode operand) : ConditionNode(operand.Column)
{
    public OperandNode Operand { get; } = operand;

    public override Truth Test(IVariableScope scope) => Operand.Evaluate(scope).AsTruth();
}
