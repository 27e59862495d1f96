using System.Text;
using IoTStack.Rules.Conditions;
using IoTStack.Rules.Engine;

namespace IoTStack.Rules.Documents;

/// <summary>
/// Checks a document and compiles its conditions once. Every problem is collected (not just the first) and named by
/// place: "filter 1 (house/#), statement 2, condition column 14: …".
/// </summary>
public static class RuleDocumentCompiler
{
    public static CompiledDocument Compile(string name, string json)
    {
        var document = RuleDocumentJson.Parse(json);
        var errors = new List<RuleDocumentError>();
        var filters = (document.Filters ?? []).Select((filter, i) => CompileFilter(filter, i + 1, errors)).ToList();
        var slots = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = (document.Rules ?? []).Select((rule, i) => RuleCompiler.Compile(rule, i + 1, ids, ref slots, errors)).ToList();
        if (errors.Count > 0)
        {
            throw new RuleDocumentException(errors);
        }

        return new CompiledDocument(name, json, filters!, rules!, slots);
    }

    private static CompiledFilter? CompileFilter(FilterDefinition? filter, int number, List<RuleDocumentError> errors)
    {
        var where = $"filter {number}" + (filter?.Topic is { } t ? $" ({t})" : string.Empty);
        if (filter is null)
        {
            errors.Add(new(where, "expected an object with topic, subtopic and statements"));
            return null;
        }

        if (!TopicNames.IsValidFilter(filter.Topic))
        {
            errors.Add(new(where, "topic must be an MQTT topic filter (levels separated by '/', '+' and a final '#' allowed)"));
        }

        if (!TopicNames.IsValidName(filter.Subtopic))
        {
            errors.Add(new(where, "subtopic is required and may not contain '+' or '#'"));
        }

        if (filter.Statements is not { Count: > 0 })
        {
            errors.Add(new(where, "statements must list at least one condition"));
        }

        var statements = (filter.Statements ?? []).Select((statement, i) =>
        {
            var at = $"{where}, statement {i + 1}";
            var condition = ConditionCompiler.Compile(statement?.Condition, at, payloadType: null, errors);
            return condition is null ? null : new CompiledFilterStatement(condition, Payload(statement!.NewPayload));
        }).ToList();

        return errors.Count == 0 ? new CompiledFilter($"filter {number}", filter.Topic!, filter.Subtopic!, statements!) : null;
    }

    /// <summary>The seed's "" means "no new payload".</summary>
    internal static byte[]? Payload(string? newPayload) => string.IsNullOrEmpty(newPayload) ? null : Encoding.UTF8.GetBytes(newPayload);
}
