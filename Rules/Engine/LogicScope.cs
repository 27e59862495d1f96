using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Engine;

/// <summary>For rule logic: <c>$id</c> is true while some remembered message meets statement <c>id</c>.</summary>
public sealed class LogicScope(StatementMemory[] memory, IReadOnlyDictionary<string, int> slotsById) : IVariableScope
{
    public ConditionValue Resolve(VariableNode variable) =>
        ConditionValue.Of(slotsById.TryGetValue(variable.Name, out var slot) && memory[slot].IsMet);
}
