using System.Text.Json;
using IoTStack.Rules.Conditions;
using IoTStack.Rules.Engine;

namespace IoTStack.Rules.Documents;

/// <summary>Compiles one rule: statements (typed conditions, unique ids, a memory slot each) and logic over <c>$id</c>.</summary>
internal static class RuleCompiler
{
    public static CompiledRule? Compile(RuleDefinition? rule, int number, HashSet<string> ids, ref int slots, List<RuleDocumentError> errors)
    {
        var where = $"rule {number}";
        if (rule is null || rule.Statements is not { Count: > 0 } || rule.Logic is not { Count: > 0 })
        {
            errors.Add(new(where, "expected an object with at least one statement and one logic entry"));
            return null;
        }

        var statements = new List<CompiledRuleStatement>();
        for (var i = 0; i < rule.Statements.Count; i++)
        {
            if (CompileStatement(rule.Statements[i], $"{where}, statement {i + 1}", ids, slots, errors) is { } statement)
            {
                statements.Add(statement);
                slots++;
            }
        }

        var slotsById = statements.ToDictionary(s => s.Id, s => s.Slot, StringComparer.Ordinal);
        var logic = rule.Logic.Select((entry, i) => CompileLogic(entry, $"{where}, logic {i + 1}", slotsById, errors)).ToList();
        return new CompiledRule(where, statements, logic!);
    }

    private static CompiledRuleStatement? CompileStatement(RuleStatementDefinition? statement, string where, HashSet<string> ids, int slot, List<RuleDocumentError> errors)
    {
        if (statement is null)
        {
            errors.Add(new(where, "expected an object with id, topic, payload_type and condition"));
            return null;
        }

        var id = statement.Id.ValueKind switch
        {
            JsonValueKind.Number or JsonValueKind.String when statement.Id.ToString() is { Length: > 0 } text => text,
            _ => null,
        };
        where = id is null ? where : $"{where} (id {id})";
        if (id is null || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            errors.Add(new(where, "id is required: a number or a name of letters, digits, '_' and '-'"));
        }
        else if (!ids.Add(id))
        {
            errors.Add(new(where, $"id {id} is used by another statement; ids must be unique in the document"));
        }

        if (!TopicNames.IsValidFilter(statement.Topic))
        {
            errors.Add(new(where, "topic must be an MQTT topic filter (levels separated by '/', '+' and a final '#' allowed)"));
        }

        PayloadType? type = PayloadTypes.TryParse(statement.PayloadType, out var parsed) ? parsed : null;
        if (type is null)
        {
            errors.Add(new(where, $"payload_type must be int, float, str or bool, not '{statement.PayloadType}'"));
        }

        var condition = ConditionCompiler.Compile(statement.Condition, where, type, errors);
        return condition is null || id is null || type is null ? null : new CompiledRuleStatement(id, statement.Topic!, condition, slot);
    }

    private static CompiledLogic? CompileLogic(RuleLogicDefinition? entry, string where, Dictionary<string, int> slotsById, List<RuleDocumentError> errors)
    {
        if (entry is null)
        {
            errors.Add(new(where, "expected an object with operations, new_topic and new_payload"));
            return null;
        }

        if (!TopicNames.IsValidName(entry.NewTopic))
        {
            errors.Add(new(where, "new_topic is required and may not contain '+' or '#'"));
        }

        var operations = ConditionCompiler.Compile(entry.Operations, where, payloadType: null, errors, "operations");
        if (operations is not null && !LogicChecker.Check(operations, slotsById, where, errors))
        {
            return null;
        }

        var topic = entry.NewTopic is { } t && t.StartsWith('!') ? t : "!" + entry.NewTopic;
        return operations is null ? null : new CompiledLogic(operations, topic, RuleDocumentCompiler.Payload(entry.NewPayload), slotsById);
    }
}
