using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using IoTStack.Rules.Documents;
using IoTStack.Rules.Engine;
using Xunit.Abstractions;

namespace IoTStack.Rules.Tests;

/// <summary>The engine's own cost per message with 100 filters on the message's topic (printed; loosely bounded).</summary>
public sealed class EngineCostTests(ITestOutputHelper output)
{
    [Fact]
    public void One_hundred_filters_cost_microseconds_per_message()
    {
        using var meters = new TestMeterFactory();
        var engine = new RuleEngine(new RulesMetrics(meters));
        var filters = Enumerable.Range(1, 100).Select(i =>
            $$"""{"topic": "devices/+/telemetry", "subtopic": "x", "statements": [{"condition": "( $values.seq < 0 or $values.seq == -{{i}} ) and $ts > {{i}}", "new_payload": ""}]}""");
        engine.Load([RuleDocumentCompiler.Compile("cost", $$"""{"filters": [{{string.Join(",", filters)}}]}""")]);
        var payloads = Enumerable.Range(0, 1000)
            .Select(i => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$$"""{"ts": 1700000000000, "values": {"seq": {{{i}}}}}"""))).ToArray();

        const int messages = 20_000;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            Assert.Empty(engine.Evaluate("devices/d1/telemetry", payloads[i % payloads.Length]));
        }

        var perMessage = stopwatch.Elapsed / messages;
        output.WriteLine($"100 filters: {perMessage.TotalMicroseconds:0.0} µs per message = {1 / perMessage.TotalSeconds:0} messages/s on one core");
        Assert.True(perMessage < TimeSpan.FromMilliseconds(1), $"{perMessage.TotalMicroseconds} µs per message");
    }
}
