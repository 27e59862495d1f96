using System.Diagnostics;
using System.Text.Json;
using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Engine;

/// <summary>
/// Every loaded document over each message. <see cref="Evaluate"/> is called by one consumer at a time (messages
/// in arrival order); <see cref="Load"/> may be called concurrently and swaps the set atomically. A document whose
/// text did not change keeps its evaluator, and so its remembered messages, across reloads.
/// </summary>
public sealed class RuleEngine(RulesMetrics metrics)
{
    private volatile DocumentEvaluator[] _evaluators = [];

    public IReadOnlyList<CompiledDocument> Documents => _evaluators.Select(e => e.Document).ToList();

    /// <summary>Lets callers skip work (parsing, queueing) while no document is loaded.</summary>
    public bool HasDocuments => _evaluators.Length > 0;

    public void Load(IEnumerable<CompiledDocument> documents)
    {
        var current = _evaluators.ToDictionary(e => e.Document.Name, StringComparer.Ordinal);
        _evaluators = documents
            .Select(d => current.TryGetValue(d.Name, out var kept) && kept.Document.Json == d.Json ? kept : new DocumentEvaluator(d))
            .ToArray();
    }

    public List<RuleOutput> Evaluate(string topic, byte[] payload)
    {
        var outputs = new List<RuleOutput>();
        var evaluators = _evaluators;
        if (evaluators.Length == 0)
        {
            return outputs;
        }

        var started = Stopwatch.GetTimestamp();
        using var json = TryParse(payload);
        var message = new RuleMessage(topic, payload, json is null ? JsonPayloadScope.Empty : new JsonPayloadScope(json.RootElement));
        foreach (var evaluator in evaluators)
        {
            evaluator.Evaluate(message, outputs);
        }

        metrics.Evaluated(Stopwatch.GetElapsedTime(started));
        outputs.ForEach(metrics.Matched);
        return outputs;
    }

    private static JsonDocument? TryParse(byte[] payload)
    {
        try
        {
            return payload.Length > 0 && payload[0] is (byte)'{' or (byte)'[' or (byte)' ' ? JsonDocument.Parse(payload) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
