namespace IoTStack.Rules.Conditions;

/// <summary>A value in a condition: a variable or a literal.</summary>
public abstract class OperandNode(int column)
{
    public int Column { get; } = column;

    public abstract ConditionValue Evaluate(IVariableScope scope);
}

/// <summary><c>$name</c> or <c>$parent.child</c>; <see cref="Path"/> holds the levels.</summary>
public sealed class VariableNode(string name, int column) : OperandNode(column)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Path { get; } = name.Split('.');

    /// <summary>The levels pre-encoded as UTF-8, so a lookup does not transcode property names on every message.</summary>
    internal byte[][] Utf8Path { get; } = name.Split('.').Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    public override ConditionValue Evaluate(IVariableScope scope) => scope.Resolve(this);

    public override string ToString() => "$" + Name;
}

public sealed class LiteralNode(ConditionValue value, int column) : OperandNode(column)
{
    public ConditionValue Value { get; } = value;

    public override ConditionValue Evaluate(IVariableScope scope) => Value;

    public override string ToString() => Value.ToString();
}
