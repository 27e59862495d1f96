namespace IoTStack.Rules.Conditions;

/// <summary>Where variables get their values: a JSON payload for statements, statement states for rule logic.</summary>
public interface IVariableScope
{
    ConditionValue Resolve(VariableNode variable);
}
