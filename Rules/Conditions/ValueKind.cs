namespace IoTStack.Rules.Conditions;

/// <summary>What a variable or literal holds. <see cref="Missing"/>: absent, null, an object or an array.</summary>
public enum ValueKind
{
    Missing,
    Number,
    Text,
    Boolean,
}
