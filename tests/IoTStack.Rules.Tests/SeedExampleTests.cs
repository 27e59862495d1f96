using System.Text;
using System.Text.Json.Nodes;
using IoTStack.Rules.Documents;
using IoTStack.Rules.Engine;

namespace IoTStack.Rules.Tests;

/// <summary>The seed's worked examples on the engine alone (the integration tests repeat them over MQTT).</summary>
public sealed class SeedExampleTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public void Houses_alert_on_fire_danger_and_cold_damp_inside()
    {
        var outputs = Run(SeedDocuments.Houses, SeedDocuments.HouseMessages);

        Assert.Equal(
            [("house/1/alert/", "fire_danger"), ("house/2/alert/", SeedDocuments.HouseMessages[1].Payload)],
            outputs.Select(o => (o.Topic, Encoding.UTF8.GetString(o.Payload))));
    }

    [Fact]
    public void Miners_in_the_first_order_rest_leave_and_dead() =>
        AssertOutputs([SeedDocuments.Rest, SeedDocuments.Leave, SeedDocuments.Dead], Run(SeedDocuments.Miners, SeedDocuments.MinersFirstOrder));

    [Fact]
    public void Miners_in_the_second_order_rest_and_dead_only_because_the_memory_empties_after_rest() =>
        AssertOutputs([SeedDocuments.Rest, SeedDocuments.Dead], Run(SeedDocuments.Miners, SeedDocuments.MinersSecondOrder));

    [Fact]
    public void A_later_message_on_a_topic_that_no_longer_meets_its_statement_withdraws_it()
    {
        var outputs = Run(SeedDocuments.Miners,
            [("miner/1", SeedDocuments.Miner1Resting), ("miner/1", """{"m_id":1, "body-temperature": 36.6, "heart-rate": 70}"""),
             ("mine/environment", SeedDocuments.Environment)]);

        Assert.Empty(outputs);
    }

    [Fact]
    public void A_new_payload_replaces_the_contributions()
    {
        const string document = """
            {"filters": [], "rules": [{"statements": [{"id": "hot", "topic": "t/+", "payload_type": "int", "condition": "$v > 1"}],
              "logic": [{"operations": "$hot", "new_topic": "!alarm", "new_payload": "too hot"}]}]}
            """;

        var outputs = Run(document, [("t/a", """{"v": 2}""")]);

        Assert.Equal([("!alarm", "too hot")], outputs.Select(o => (o.Topic, Encoding.UTF8.GetString(o.Payload))));
    }

    private List<RuleOutput> Run(string document, IEnumerable<(string Topic, string Payload)> messages)
    {
        var engine = new RuleEngine(new RulesMetrics(_meters));
        engine.Load([RuleDocumentCompiler.Compile("seed", document)]);
        return messages.SelectMany(m => engine.Evaluate(m.Topic, Encoding.UTF8.GetBytes(m.Payload))).ToList();
    }

    private static void AssertOutputs(IEnumerable<(string Topic, string Payload)> expected, List<RuleOutput> actual) =>
        Assert.Equal(
            expected.Select(e => (e.Topic, JsonNode.Parse(e.Payload)!.ToJsonString())),
            actual.Select(o => (o.Topic, JsonNode.Parse(o.Payload)!.ToJsonString())));

    public void Dispose() => _meters.Dispose();
}
