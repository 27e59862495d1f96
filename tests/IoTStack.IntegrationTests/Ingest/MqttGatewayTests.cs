using IoTStack.Ingest.Tests.Decoding;
using IoTStack.Testing;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IoTStack.IntegrationTests.Ingest;

[Collection(IoTStackFixture.Collection)]
public sealed class MqttGatewayTests(IoTStackFixture fixture) : IDisposable
{
    private readonly IngestKit stack = new(fixture.Stack);

    private const int MessagesPerRun = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("mqttv5", 0)]
    [InlineData("mqttv5", 1)]
    [InlineData("mqttv5", 2)]
    [InlineData("mqttv311", 0)]
    [InlineData("mqttv311", 1)]
    [InlineData("mqttv311", 2)]
    public async Task Mosquitto_pub_messages_are_kept_and_queued_exactly_once(string protocol, int qos)
    {
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();

        var (exitCode, output) = await LocalProcess.RunForResultAsync("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", Port(stack.MqttPort), "-V", protocol, "-i", $"mosq-{device.Name}", "-u", device.Name, "-P", device.Token,
             "-t", $"devices/{device.Name}/telemetry", "-q", Port(qos), "-l"],
            standardInput: SequencedLines(MessagesPerRun));

        Assert.True(exitCode == 0, output);
        await AssertExactlyOnceAsync(tap, device, MessagesPerRun);
    }

    [Theory]
    [InlineData(MqttQualityOfServiceLevel.AtMostOnce)]
    [InlineData(MqttQualityOfServiceLevel.AtLeastOnce)]
    [InlineData(MqttQualityOfServiceLevel.ExactlyOnce)]
    public async Task MQTTnet_client_messages_are_acknowledged_after_durability_and_queued_exactly_once(MqttQualityOfServiceLevel qos)
    {
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        using var client = await ConnectAsync(device.Name, device.Token);

        // All in flight at once: they share batches, and each acknowledgement still waits for its own batch.
        var results = await Task.WhenAll(Enumerable.Range(0, MessagesPerRun).Select(sequence =>
            client.PublishAsync(Message($"devices/{device.Name}/telemetry", SequencedPayload(sequence), qos))));

        Assert.All(results, result => Assert.True(result.IsSuccess, result.ReasonString));
        await AssertExactlyOnceAsync(tap, device, MessagesPerRun);
    }

    [Fact]
    public async Task MQTT_over_WebSocket_on_the_HTTP_port_works_the_same()
    {
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        using var client = await ConnectAsync("JWT", device.Token,
            options => options.WithWebSocketServer(socket => socket.WithUri($"ws://127.0.0.1:{stack.HttpPort}/mqtt")));

        var result = await client.PublishAsync(Message($"devices/{device.Uid}/telemetry", SequencedPayload(0), MqttQualityOfServiceLevel.AtLeastOnce));

        Assert.True(result.IsSuccess, result.ReasonString);
        await AssertExactlyOnceAsync(tap, device, 1);
    }

    [Fact]
    public async Task A_device_cannot_publish_as_another_device_over_MQTTnet_or_mosquitto()
    {
        var deviceA = await stack.NewDeviceAsync();
        var deviceB = await stack.NewDeviceAsync();
        using var client = await ConnectAsync(deviceA.Name, deviceA.Token);

        var result = await client.PublishAsync(Message($"devices/{deviceB.Name}/telemetry", SequencedPayload(0), MqttQualityOfServiceLevel.AtLeastOnce));
        var (_, mosquitto) = await LocalProcess.RunForResultAsync("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", Port(stack.MqttPort), "-V", "mqttv5", "-u", deviceA.Name, "-P", deviceA.Token,
             "-t", $"devices/{deviceB.Name}/telemetry", "-q", "1", "-m", SequencedPayload(1)]);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Contains("Not authorized", mosquitto, StringComparison.OrdinalIgnoreCase);
        var kept = await stack.RawMessagesAsync("topic = $1", $"devices/{deviceB.Name}/telemetry");
        Assert.Equal(2, kept.Count);
        Assert.All(kept, row => Assert.Equal("rejected", row.Status));
        Assert.All(kept, row => Assert.StartsWith("Forbidden:", row.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_source_credential_publishes_for_a_new_device_which_is_created_with_its_source_ids()
    {
        var source = await stack.Credentials.IssueSourceCredentialAsync("mqtt", null, CancellationToken.None);
        var sensor = "field-" + Guid.NewGuid().ToString("N")[..8];
        await using var tap = await stack.TapAsync();
        using var client = await ConnectAsync("mqtt-bridge", source.Secret);

        var result = await client.PublishAsync(Message($"devices/{sensor}/telemetry", SequencedPayload(0), MqttQualityOfServiceLevel.AtLeastOnce));

        Assert.True(result.IsSuccess, result.ReasonString);
        await using var lookup = stack.Database.CreateCommand("SELECT uid FROM physical_devices WHERE source = 'mqtt' AND source_ids = jsonb_build_object('device_id', $1::text)");
        lookup.Parameters.Add(new() { Value = sensor });
        var uid = Assert.IsType<long>(await lookup.ExecuteScalarAsync());
        await AssertExactlyOnceAsync(tap, new TestDevice(uid, sensor, source.Secret, source.Id), 1);
    }

    [Fact]
    public async Task Bad_credentials_are_refused_at_connect()
    {
        var device = await stack.NewDeviceAsync();
        var other = await stack.NewDeviceAsync();
        var revoked = await stack.Credentials.IssueDeviceTokenAsync(device.Uid, null, null, CancellationToken.None);
        await stack.Credentials.RevokeDeviceTokenAsync(revoked.Id, CancellationToken.None);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await RefusalAsync(device.Name, "iotd_wrong"));
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await RefusalAsync(device.Name, revoked.Secret));
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await RefusalAsync(other.Name, device.Token));
    }

    [Fact]
    public async Task Malformed_payloads_get_PayloadFormatInvalid_and_are_kept()
    {
        var device = await stack.NewDeviceAsync();
        using var client = await ConnectAsync(device.Name, device.Token);

        foreach (var input in MalformedInputs.All.Where(input => input.Kind != IoTStack.Ingest.Pipeline.RejectionKind.UnsupportedContentType))
        {
            var message = new MqttApplicationMessageBuilder().WithTopic($"devices/{device.Name}/telemetry").WithPayload(input.Payload)
                .WithContentType(input.ContentType).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            var result = await client.PublishAsync(message);

            Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
            Assert.Contains(input.DetailContains, result.ReasonString, StringComparison.Ordinal);
        }

        var kept = await stack.RawMessagesAsync("physical_uid = $1", device.Uid);
        Assert.Equal(MalformedInputs.All.Length - 1, kept.Count);
        Assert.All(kept, row => Assert.Equal("rejected", row.Status));
    }

    internal static async Task AssertExactlyOnceAsync(TimeseriesTap tap, TestDevice device, int expected)
    {
        var received = (await tap.ReadUntilAsync(all => all.Count(m => m.PhysicalUid == device.Uid) >= expected, Deadline))
            .Where(m => m.PhysicalUid == device.Uid).ToList();
        received.AddRange((await tap.ReadForAsync(TimeSpan.FromMilliseconds(300))).Where(m => m.PhysicalUid == device.Uid).Skip(received.Count));

        Assert.Equal(Enumerable.Range(0, expected).Select(i => (double)i), received.Select(m => m.Timeseries.Single().Value!.Value).Order());
        Assert.Equal(expected, received.Select(m => m.CorrelationId).Distinct().Count());
    }

    private async Task<IMqttClient> ConnectAsync(string userName, string token, Action<MqttClientOptionsBuilder>? transport = null)
    {
        var (client, result) = await TryConnectAsync(userName, token, transport);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private async Task<(IMqttClient Client, MqttClientConnectResult Result)> TryConnectAsync(string userName, string token, Action<MqttClientOptionsBuilder>? transport = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithCredentials(userName, token).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("test-" + Guid.NewGuid().ToString("N")).WithTcpServer("127.0.0.1", stack.MqttPort);
        transport?.Invoke(options);
        return (client, await client.ConnectAsync(options.Build()));
    }

    private async Task<MqttClientConnectResultCode> RefusalAsync(string userName, string token)
    {
        var (client, result) = await TryConnectAsync(userName, token);
        client.Dispose();
        return result.ResultCode;
    }

    internal static MqttApplicationMessage Message(string topic, string payload, MqttQualityOfServiceLevel qos) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(qos).Build();

    internal static string SequencedPayload(int sequence) =>
        $$$"""{"ts": 1700000000000, "values": {"seq": {{{sequence.ToString(CultureInfo.InvariantCulture)}}}}}""";

    private static string SequencedLines(int count) => string.Join('\n', Enumerable.Range(0, count).Select(SequencedPayload)) + "\n";

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => stack.Dispose();
}
