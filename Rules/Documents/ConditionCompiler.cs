using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Documents;

/// <summary>Parses one condition (and checks it against a payload type), recording a placed error instead of throwing.</summary>
internal static class ConditionCompiler
{
    public static ConditionNode? Compile(string? condition, string where, PayloadType? payloadType, List<RuleDocumentError> errors, string field = "condition")
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            errors.Add(new(where, $"{field} is required"));
            return null;
        }

        try
        {
            var node = ConditionParser.Parse(condition);
            if (payloadType is { } type)
            {
                ShapeChecker.Check(node, type);
            }

            return node;
        }
        catch (ConditionSyntaxException exception)
        {
            errors.Add(new($"{where}, {field} column {exception.Column}", exception.Reason));
            return null;
        }
    }
}
