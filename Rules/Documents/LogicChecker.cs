using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Documents;

/// <summary>Logic combines the rule's own statements: every operand must be a <c>$id</c> of one of them.</summary>
internal static class LogicChecker
{
    public static bool Check(ConditionNode node, IReadOnlyDictionary<string, int> slotsById, string where, List<RuleDocumentError> errors)
    {
        switch (node)
        {
            case AndNode and:
                return Check(and.Left, slotsById, where, errors) & Check(and.Right, slotsById, where, errors);
            case OrNode or:
                return Check(or.Left, slotsById, where, errors) & Check(or.Right, slotsById, where, errors);
            case NotNode not:
                return Check(not.Operand, slotsById, where, errors);
            case TruthyNode { Operand: VariableNode variable } when slotsById.ContainsKey(variable.Name):
                return true;
            case TruthyNode { Operand: VariableNode variable }:
                errors.Add(new($"{where}, operations column {variable.Column}",
                    $"unknown statement '{variable}'; this rule's statements are {string.Join(", ", slotsById.Keys.Select(id => "$" + id))}"));
                return false;
            default:
                errors.Add(new($"{where}, operations column {node.Column}",
                    "operations combine statements ($id) with and, or, not and parentheses; comparisons belong in statements"));
                return false;
        }
    }
}
