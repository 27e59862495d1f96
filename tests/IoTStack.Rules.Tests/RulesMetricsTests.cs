using System.Diagnostics.Metrics;
using System.Text;
using IoTStack.Rules.Documents;
using IoTStack.Rules.Engine;

namespace IoTStack.Rules.Tests;

/// <summary>The <c>IoTStack.Rules</c> meter: messages evaluated, matches per filter/rule, evaluation time.</summary>
public sealed class RulesMetricsTests
{
    [Fact]
    public void Evaluation_is_counted_timed_and_matches_are_counted_per_filter_and_rule()
    {
        using var meters = new TestMeterFactory();
        var engine = new RuleEngine(new RulesMetrics(meters));
        engine.Load([RuleDocumentCompiler.Compile("houses", SeedDocuments.Houses), RuleDocumentCompiler.Compile("miners", SeedDocuments.Miners)]);
        var measurements = new List<(string Instrument, double Value, string? Producer)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RulesMetrics.MeterName && meters.Made(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Producer(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Producer(tags))));
        listener.Start();

        foreach (var (topic, payload) in SeedDocuments.HouseMessages.Concat(SeedDocuments.MinersFirstOrder))
        {
            engine.Evaluate(topic, Encoding.UTF8.GetBytes(payload));
        }

        Assert.Equal(7, measurements.Count(m => m.Instrument == "iotstack.rules.messages_evaluated"));
        Assert.Equal(7, measurements.Count(m => m.Instrument == "iotstack.rules.evaluation_time" && m.Value >= 0));
        Assert.Equal(
            ["filter 1", "filter 1", "rule 1", "rule 2", "rule 3"],
            measurements.Where(m => m.Instrument == "iotstack.rules.matches").Select(m => m.Producer));
    }

    private static string? Producer(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "producer")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
