using System.Diagnostics;
using IoTStack.IntegrationTests.Ingest;
using IoTStack.Rules.Persistence;
using IoTStack.Storage.Devices;
using IoTStack.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Npgsql;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>
/// What the rules tests need: documents and grants stored as the Api would store them, devices with tokens, MQTT
/// clients on any Ingest replica, and a probe that tells when a replica has loaded the documents.
/// </summary>
public sealed class RulesKit(IoTStackTestApplication stack) : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly IngestKit _ingest = new(stack);
    private readonly List<string> _documents = [];

    public NpgsqlDataSource Database => _ingest.Database;

    public RuleDocumentStore Documents => new(_ingest.Database);

    public TopicGrantStore Grants => new(_ingest.Database);

    public string ProbeTopic { get; } = "probe/" + Guid.NewGuid().ToString("N");

    public string ProbeOutput => ProbeTopic + "/seen";

    /// <summary>A device allowed to publish and subscribe on the given topic filters.</summary>
    public async Task<TestDevice> DeviceAsync(string[] publish, string[] subscribe)
    {
        var device = await _ingest.NewDeviceAsync();
        foreach (var filter in publish.Append("probe/#"))
        {
            await Grants.GrantToDeviceAsync(device.Uid, filter, StoredTopicGrant.Publish, CancellationToken.None);
        }

        foreach (var filter in subscribe.Append("probe/#"))
        {
            await Grants.GrantToDeviceAsync(device.Uid, filter, StoredTopicGrant.Subscribe, CancellationToken.None);
        }

        return device;
    }

    public async Task PutAsync(string document)
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        _documents.Add(name);
        await Documents.PutAsync(name, document, CancellationToken.None);
    }

    /// <summary>Stores a probe filter after the documents and waits until the replica answers it: every earlier document is loaded.</summary>
    public async Task AwaitDocumentsLoadedAsync(IMqttClient publisher, MqttRecorder subscriber)
    {
        await PutProbeAsync();
        await WaitForProbeAsync(publisher, subscriber);
    }

    public Task PutProbeAsync() =>
        PutAsync($$"""{"filters": [{"topic": "{{ProbeTopic}}", "subtopic": "seen", "statements": [{"condition": "$probe == 1", "new_payload": ""}]}], "rules": []}""");

    /// <summary>Publishes probes through one replica until it answers (it has loaded the probe document); returns when.</summary>
    public Task<TimeSpan> WaitForProbeAsync(IMqttClient publisher, MqttRecorder subscriber) =>
        WaitForForwardingAsync(publisher, subscriber, ProbeTopic, ProbeOutput);

    /// <summary>
    /// Publishes uniquely numbered <c>{"probe": 1, "n": …}</c> messages on <paramref name="topic"/> until one comes
    /// back on <paramref name="output"/>: the replica has loaded a filter forwarding them. Returns how long that took.
    /// </summary>
    public async Task<TimeSpan> WaitForForwardingAsync(IMqttClient publisher, MqttRecorder subscriber, string topic, string output)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var payload = $$"""{"probe": 1, "n": "{{Guid.NewGuid():N}}"}""";
            await PublishAsync(publisher, topic, payload);
            try
            {
                await subscriber.ReceiveUntilAsync((output, payload), ProbeOutput, TimeSpan.FromMilliseconds(50));
                return stopwatch.Elapsed;
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
                // Not loaded yet: publish another.
            }
        }
    }

    /// <summary>
    /// Publishes a uniquely numbered probe and returns the output it will produce: outputs are delivered in
    /// evaluation order, so receiving it means everything published before it has been evaluated and delivered.
    /// </summary>
    public async Task<(string Topic, string Payload)> EndMarkerAsync(IMqttClient publisher)
    {
        var payload = $$"""{"probe": 1, "n": "{{Guid.NewGuid():N}}"}""";
        await PublishAsync(publisher, ProbeTopic, payload);
        return (ProbeOutput, payload);
    }

    /// <summary>Everything the subscriber got from the messages published so far (probe outputs left out).</summary>
    public async Task<List<(string Topic, string Payload)>> OutputsSoFarAsync(IMqttClient publisher, MqttRecorder subscriber) =>
        await subscriber.ReceiveUntilAsync(await EndMarkerAsync(publisher), ProbeOutput, Deadline);

    public async Task<IMqttClient> ConnectAsync(TestDevice device, int replica = 0)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var port = stack.GetEndpoint("ingest", "mqtt", replica).Port;
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithCredentials(device.Name, device.Token).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    /// <summary>Subscribes, re-trying while the replica has not yet loaded the subscriber's new grant.</summary>
    public async Task<MqttRecorder> SubscriberAsync(TestDevice device, int replica, params string[] filters)
    {
        var recorder = new MqttRecorder(await ConnectAsync(device, replica));
        recorder.Start();
        using var timeout = new CancellationTokenSource(Deadline);
        foreach (var filter in filters.Append("probe/#"))
        {
            while (true)
            {
                var result = await recorder.Client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token);
                if (result.Items.Single().ResultCode <= MqttClientSubscribeResultCode.GrantedQoS2)
                {
                    break;
                }

                await Task.Delay(20, timeout.Token);
            }
        }

        return recorder;
    }

    /// <summary>Publishes at QoS 1 and requires the PUBACK to be a success.</summary>
    public static async Task PublishAsync(IMqttClient client, string topic, string payload)
    {
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(result.IsSuccess, $"{topic}: {result.ReasonCode} {result.ReasonString}");
    }

    public void Dispose()
    {
        foreach (var name in _documents)
        {
            Documents.DeleteAsync(name, CancellationToken.None).GetAwaiter().GetResult();
        }

        _ingest.Dispose();
    }
}
