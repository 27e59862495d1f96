using System.Text.Json.Nodes;
using IoTStack.Rules.Tests;
using IoTStack.Testing;
using MQTTnet;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>
/// The seed's fr_script examples (section 1.3.4.8) over real MQTT clients on Ingest: the documents stored as the
/// management surface stores them, the sensors and the monitoring team as MQTT clients with per-topic grants.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class SeedExampleMqttTests(IoTStackFixture fixture) : IDisposable
{
    private readonly RulesKit _kit = new(fixture.Stack);

    [Fact]
    public async Task Houses_the_monitoring_team_gets_fire_danger_for_house_1_and_house_2s_message()
    {
        var sensors = await _kit.DeviceAsync(publish: ["house/+"], subscribe: []);
        var team = await _kit.DeviceAsync(publish: [], subscribe: ["house/+/alert/"]);
        using var publisher = await _kit.ConnectAsync(sensors);
        using var subscriber = await _kit.SubscriberAsync(team, 0, "house/+/alert/");
        await _kit.PutAsync(SeedDocuments.Houses);
        await _kit.AwaitDocumentsLoadedAsync(publisher, subscriber);

        foreach (var (topic, payload) in SeedDocuments.HouseMessages)
        {
            await RulesKit.PublishAsync(publisher, topic, payload);
        }

        Assert.Equal(
            [("house/1/alert/", "fire_danger"), ("house/2/alert/", SeedDocuments.HouseMessages[1].Payload)],
            await _kit.OutputsSoFarAsync(publisher, subscriber));
    }

    [Fact]
    public Task Miners_in_the_first_order_rest_leave_then_dead() =>
        RunMinersAsync(SeedDocuments.MinersFirstOrder, [SeedDocuments.Rest, SeedDocuments.Leave, SeedDocuments.Dead]);

    [Fact]
    public Task Miners_in_the_second_order_rest_then_dead_and_no_leave() =>
        RunMinersAsync(SeedDocuments.MinersSecondOrder, [SeedDocuments.Rest, SeedDocuments.Dead]);

    [Fact]
    public async Task A_client_without_a_subscribe_grant_cannot_subscribe_to_rule_outputs()
    {
        var outsider = await _kit.DeviceAsync(publish: [], subscribe: []);
        using var client = await _kit.ConnectAsync(outsider);

        var result = await client.SubscribeAsync("!action/#", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, result.Items.Single().ResultCode);
    }

    private async Task RunMinersAsync((string Topic, string Payload)[] messages, (string Topic, string Payload)[] expected)
    {
        // Three sensors as in the seed: two miners' biometric sensors and the mine's environment sensor.
        var miner1 = await _kit.DeviceAsync(publish: ["miner/1"], subscribe: []);
        var miner2 = await _kit.DeviceAsync(publish: ["miner/2"], subscribe: []);
        var mine = await _kit.DeviceAsync(publish: ["mine/environment"], subscribe: []);
        var managers = await _kit.DeviceAsync(publish: [], subscribe: ["!action/#"]);
        using var miner1Client = await _kit.ConnectAsync(miner1);
        using var miner2Client = await _kit.ConnectAsync(miner2);
        using var mineClient = await _kit.ConnectAsync(mine);
        using var subscriber = await _kit.SubscriberAsync(managers, 0, "!action/#");
        await _kit.PutAsync(SeedDocuments.Miners);
        await _kit.AwaitDocumentsLoadedAsync(mineClient, subscriber);
        var publishers = new Dictionary<string, IMqttClient> { ["miner/1"] = miner1Client, ["miner/2"] = miner2Client, ["mine/environment"] = mineClient };

        foreach (var (topic, payload) in messages)
        {
            await RulesKit.PublishAsync(publishers[topic], topic, payload);
        }

        var received = await _kit.OutputsSoFarAsync(mineClient, subscriber);
        Assert.Equal(expected.Select(Normalised), received.Select(Normalised));
    }

    // The seed prints payloads as Python dicts; compare the JSON Ingest publishes by value, keys in order.
    private static (string Topic, string Json) Normalised((string Topic, string Payload) message) =>
        (message.Topic, JsonNode.Parse(message.Payload)!.ToJsonString());

    public void Dispose() => _kit.Dispose();
}
