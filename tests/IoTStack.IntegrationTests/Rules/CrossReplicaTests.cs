using System.Text.Json.Nodes;
using IoTStack.Rules.Tests;
using Xunit.Abstractions;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>
/// Documents apply to messages through every Ingest replica within a second; outputs reach subscribers on every
/// replica, once; a rule remembers messages whichever replica they arrived on (one evaluator for the cluster).
/// </summary>
[Collection(TwoIngestReplicasFixture.Collection)]
public sealed class CrossReplicaTests(TwoIngestReplicasFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly RulesKit _kit = new(fixture.Stack);

    [Fact]
    public async Task A_rule_output_reaches_a_subscriber_on_the_other_replica_exactly_once_and_the_local_one_once()
    {
        var miner = await _kit.DeviceAsync(publish: ["miner/7"], subscribe: []);
        var managers = await _kit.DeviceAsync(publish: [], subscribe: ["!action/#"]);
        using var publisher = await _kit.ConnectAsync(miner, replica: 0);
        using var local = await _kit.SubscriberAsync(managers, 0, "!action/#");
        using var remote = await _kit.SubscriberAsync(managers, 1, "!action/#");
        await _kit.PutAsync(SeedDocuments.Miners);
        await _kit.AwaitDocumentsLoadedAsync(publisher, local);

        await RulesKit.PublishAsync(publisher, "miner/7", """{"m_id":7, "body-temperature": 36.6, "heart-rate": 0}""");

        var marker = await _kit.EndMarkerAsync(publisher);
        var expected = ("!action/dead", """{"miner/7":{"m_id":7, "body-temperature": 36.6, "heart-rate": 0}}""");
        Assert.Equal([expected], await remote.ReceiveUntilAsync(marker, _kit.ProbeOutput, RulesKit.Deadline));
        Assert.Equal([expected], await local.ReceiveUntilAsync(marker, _kit.ProbeOutput, RulesKit.Deadline));
    }

    [Fact]
    public async Task A_saved_document_applies_to_messages_through_both_replicas_within_a_second()
    {
        var sensor = await _kit.DeviceAsync(publish: [], subscribe: []);
        using var publisher0 = await _kit.ConnectAsync(sensor, replica: 0);
        using var publisher1 = await _kit.ConnectAsync(sensor, replica: 1);
        using var subscriber0 = await _kit.SubscriberAsync(sensor, 0);
        using var subscriber1 = await _kit.SubscriberAsync(sensor, 1);

        // The probe document is saved now; each replica answers its probes once it has reloaded.
        await _kit.PutProbeAsync();
        var loaded = await Task.WhenAll(_kit.WaitForProbeAsync(publisher0, subscriber0), _kit.WaitForProbeAsync(publisher1, subscriber1));

        output.WriteLine($"Reload observed after {loaded[0].TotalMilliseconds:0} ms (replica 0) and {loaded[1].TotalMilliseconds:0} ms (replica 1)");
        Assert.All(loaded, elapsed => Assert.True(elapsed < TimeSpan.FromSeconds(1), $"reloaded after {elapsed}"));
    }

    [Fact]
    public async Task A_rule_combines_statements_whose_messages_arrived_on_different_replicas()
    {
        var miner = await _kit.DeviceAsync(publish: ["miner/1"], subscribe: []);
        var mine = await _kit.DeviceAsync(publish: ["mine/environment"], subscribe: []);
        var managers = await _kit.DeviceAsync(publish: [], subscribe: ["!action/#"]);
        using var minerClient = await _kit.ConnectAsync(miner, replica: 0);
        using var mineClient = await _kit.ConnectAsync(mine, replica: 1);
        using var subscriber = await _kit.SubscriberAsync(managers, 0, "!action/#");
        await _kit.PutAsync(SeedDocuments.Miners);
        await _kit.AwaitDocumentsLoadedAsync(minerClient, subscriber);
        await _kit.WaitForProbeAsync(mineClient, subscriber); // replica 1 has loaded them too (it forwards only then)

        await RulesKit.PublishAsync(mineClient, "mine/environment", SeedDocuments.Environment);
        var afterEnvironment = await _kit.OutputsSoFarAsync(mineClient, subscriber); // its marker: the environment was evaluated first
        await RulesKit.PublishAsync(minerClient, "miner/1", SeedDocuments.Miner1Resting);
        var afterMiner = await _kit.OutputsSoFarAsync(minerClient, subscriber);

        Assert.Empty(afterEnvironment);
        Assert.Equal([Normalised(SeedDocuments.Rest)], afterMiner.Select(Normalised));
    }

    private static (string Topic, string Json) Normalised((string Topic, string Payload) message) =>
        (message.Topic, JsonNode.Parse(message.Payload)!.ToJsonString());

    public void Dispose() => _kit.Dispose();
}
