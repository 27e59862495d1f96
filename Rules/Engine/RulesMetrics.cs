using System.Diagnostics.Metrics;

namespace IoTStack.Rules.Engine;

/// <summary>Meter <c>IoTStack.Rules</c>: messages evaluated, matches per filter/rule, evaluation time, dropped inputs.</summary>
public sealed class RulesMetrics
{
    public const string MeterName = "IoTStack.Rules";

    private readonly Counter<long> _evaluated;
    private readonly Counter<long> _matches;
    private readonly Histogram<double> _evaluationTime;
    private readonly Counter<long> _dropped;

    public RulesMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _evaluated = meter.CreateCounter<long>("iotstack.rules.messages_evaluated", "{message}", "MQTT messages run through the filters and rules");
        _matches = meter.CreateCounter<long>("iotstack.rules.matches", "{message}", "Messages published by a filter statement or rule logic entry");
        _evaluationTime = meter.CreateHistogram<double>("iotstack.rules.evaluation_time", "ms", "Time to run every document over one message");
        _dropped = meter.CreateCounter<long>("iotstack.rules.dropped_inputs", "{message}", "Messages not evaluated because the evaluation queue was full");
    }

    public void Evaluated(TimeSpan elapsed)
    {
        _evaluated.Add(1);
        _evaluationTime.Record(elapsed.TotalMilliseconds);
    }

    public void Matched(RuleOutput output) =>
        _matches.Add(1, new KeyValuePair<string, object?>("document", output.Document), new KeyValuePair<string, object?>("producer", output.Producer));

    public void Dropped() => _dropped.Add(1);
}
