using System.Text;
using System.Text.Json;
using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Engine;

/// <summary>
/// Runs one document over each message, in arrival order (not thread-safe: one caller at a time). The memory
/// (the seed's "array holding the messages previously sent to fr_script") is the document's: when any logic
/// entry fires on a message, the whole memory is emptied once that message has been evaluated by every rule.
/// That is what the seed's miners example needs: in its second order, rule 2 never fired, yet the
/// mine/environment message it remembered is gone when miner/2's hot message arrives, so no "leave".
/// </summary>
public sealed class DocumentEvaluator(CompiledDocument document)
{
    private readonly StatementMemory[] _memory = Enumerable.Range(0, document.SlotCount).Select(_ => new StatementMemory()).ToArray();

    public CompiledDocument Document { get; } = document;

    public void Evaluate(RuleMessage message, List<RuleOutput> outputs)
    {
        foreach (var filter in Document.Filters)
        {
            if (!message.Matches(filter.Topic))
            {
                continue;
            }

            foreach (var statement in filter.Statements)
            {
                if (statement.Condition.IsSatisfiedBy(message.Payload))
                {
                    outputs.Add(new RuleOutput(filter.OutputTopic(message.Topic), statement.NewPayload ?? message.Raw, Document.Name, filter.Label));
                }
            }
        }

        var fired = false;
        foreach (var rule in Document.Rules)
        {
            fired |= EvaluateRule(rule, message, outputs);
        }

        if (fired)
        {
            Array.ForEach(_memory, memory => memory.Clear());
        }
    }

    private bool EvaluateRule(CompiledRule rule, RuleMessage message, List<RuleOutput> outputs)
    {
        var (topic, payload, raw) = (message.Topic, message.Payload, message.Raw);
        var relevant = false;
        foreach (var statement in rule.Statements)
        {
            if (message.Matches(statement.Topic))
            {
                relevant = true;
                if (statement.Condition.IsSatisfiedBy(payload))
                {
                    // Remembered as JSON: the default rule payload embeds it (a non-JSON message as a string).
                    _memory[statement.Slot].Remember(topic, payload.IsJson ? raw : JsonSerializer.SerializeToUtf8Bytes(Encoding.UTF8.GetString(raw)));
                }
                else
                {
                    _memory[statement.Slot].Forget(topic);
                }
            }
        }

        // Logic runs only on a message that concerns the rule, so "not $1" does not fire on every unrelated message.
        var fired = false;
        foreach (var logic in rule.Logic)
        {
            if (relevant && logic.Operations.IsSatisfiedBy(new LogicScope(_memory, logic.SlotsById)))
            {
                outputs.Add(new RuleOutput(logic.NewTopic, logic.NewPayload ?? Contributions(rule), Document.Name, rule.Label));
                fired = true;
            }
        }

        return fired;
    }

    /// <summary>The seed's default payload: <c>{"miner/1": {...}, "mine/environment": {...}}</c>, in statement order.</summary>
    private byte[] Contributions(CompiledRule rule)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            writer.WriteStartObject();
            foreach (var (topic, message) in rule.Statements.SelectMany(s => _memory[s.Slot].Messages))
            {
                if (written.Add(topic))
                {
                    writer.WritePropertyName(topic);
                    writer.WriteRawValue(message, skipInputValidation: false);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
