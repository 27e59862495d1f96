using System.Text.Json;

namespace IoTStack.Rules.Conditions;

/// <summary>
/// Variables read from a JSON message: <c>$a.b</c> is the property <c>b</c> of the object <c>a</c>. Each variable is
/// looked up once per message however many conditions read it (100 filters on one field cost one lookup).
/// </summary>
public sealed class JsonPayloadScope(JsonElement payload) : IVariableScope
{
    private readonly Dictionary<string, ConditionValue> _resolved = new(StringComparer.Ordinal);

    /// <summary>A payload that is not JSON: every variable is missing.</summary>
    public static JsonPayloadScope Empty => new(default);

    public bool IsJson => payload.ValueKind != JsonValueKind.Undefined;

    public ConditionValue Resolve(VariableNode variable)
    {
        if (!_resolved.TryGetValue(variable.Name, out var value))
        {
            value = Lookup(variable);
            _resolved[variable.Name] = value;
        }

        return value;
    }

    private ConditionValue Lookup(VariableNode variable)
    {
        var current = payload;
        foreach (var level in variable.Utf8Path)
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
