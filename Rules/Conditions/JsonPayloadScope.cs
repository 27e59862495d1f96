using System.Text.Json;

namespace IoTStack.Rules.Conditions;

/// <summary>Variables read from a JSON message: <c>$a.b</c> is the property <c>b</c> of the object <c>a</c>.</summary>
public sealed class JsonPayloadScope(JsonElement payload) : IVariableScope
{
    /// <summary>A payload that is not JSON: every variable is missing.</summary>
    public static readonly JsonPayloadScope Empty = new(default);

    public bool IsJson => payload.ValueKind != JsonValueKind.Undefined;

    public ConditionValue Resolve(VariableNode variable)
    {
        var current = payload;
        foreach (var level in variable.Path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(level, out current))
            {
                return ConditionValue.Missing;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.Number => ConditionValue.Of(current.GetDouble()),
            JsonValueKind.String => ConditionValue.Of(current.GetString()!),
            JsonValueKind.True => ConditionValue.Of(true),
            JsonValueKind.False => ConditionValue.Of(false),
            _ => ConditionValue.Missing,
        };
    }
}
