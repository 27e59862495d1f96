using IoTStack.Testing;
using System.Collections.Concurrent;
using System.Net;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IoTStack.IntegrationTests.Ingest;

[Collection(IoTStackFixture.Collection)]
public sealed class BrokerRestartTests(IoTStackFixture fixture) : IDisposable
{
    private readonly IngestKit stack = new(fixture.Stack);

    [Fact]
    public async Task A_RabbitMQ_restart_while_messages_flow_loses_nothing_acknowledged_and_duplicates_nothing()
    {
        var httpDevices = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => stack.NewDeviceAsync()));
        var mqttDevice = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        using var mqtt = new MqttClientFactory().CreateMqttClient();
        await mqtt.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", stack.MqttPort)
            .WithCredentials(mqttDevice.Name, mqttDevice.Token).WithProtocolVersion(MqttProtocolVersion.V500).Build());

        var acknowledgedHttp = new ConcurrentBag<Guid>();
        var acknowledgedMqtt = new ConcurrentBag<int>();
        var refused = 0;
        using var stop = new CancellationTokenSource();
        var sequence = 0;

        async Task SendOverHttpAsync(TestDevice device)
        {
            while (!stop.IsCancellationRequested)
            {
                var seq = Interlocked.Increment(ref sequence);
                using var response = await stack.Http.SendAsync(HttpGatewayTests.Post("/api/v1/telemetry", MqttGatewayTests.SequencedPayload(seq), "application/json", device.Token));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    acknowledgedHttp.Add(await IngestKit.CorrelationIdOf(response));
                }
                else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Over the per-device rate: the device backs off, as told.
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }
                else
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    Assert.NotNull(response.Headers.RetryAfter);
                    Interlocked.Increment(ref refused);
                    await Task.Delay(50);
                }
            }
        }

        async Task SendOverMqttAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var seq = Interlocked.Increment(ref sequence);
                var result = await mqtt.PublishAsync(MqttGatewayTests.Message($"devices/{mqttDevice.Name}/telemetry", MqttGatewayTests.SequencedPayload(seq), MqttQualityOfServiceLevel.AtLeastOnce));
                if (result.IsSuccess)
                {
                    acknowledgedMqtt.Add(seq);
                }
                else
                {
                    Assert.Equal(MqttClientPublishReasonCode.ImplementationSpecificError, result.ReasonCode);
                    Interlocked.Increment(ref refused);
                    await Task.Delay(50);
                }
            }
        }

        var senders = httpDevices.Select(device => Task.Run(() => SendOverHttpAsync(device))).Append(Task.Run(SendOverMqttAsync)).ToArray();
        await LocalProcess.WaitUntilAsync(() => Task.FromResult(acknowledgedHttp.Count > 50 && !acknowledgedMqtt.IsEmpty), TimeSpan.FromSeconds(20), "traffic before the restart");

        await stack.StopRabbitMqAsync();
        await LocalProcess.WaitUntilAsync(() => Task.FromResult(refused > 0), TimeSpan.FromSeconds(20), "refusals while RabbitMQ is down");
        var acknowledgedBeforeRestart = acknowledgedHttp.Count;
        await stack.StartRabbitMqAsync();
        await LocalProcess.WaitUntilAsync(() => Task.FromResult(acknowledgedHttp.Count > acknowledgedBeforeRestart + 50), TimeSpan.FromSeconds(60),
            "Ingest accepting again after RabbitMQ came back");
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        var expectedHttp = acknowledgedHttp.ToHashSet();
        var received = await tap.ReadUntilAsync(all => expectedHttp.IsSubsetOf(all.Select(m => m.CorrelationId)) &&
            acknowledgedMqtt.All(seq => all.Any(m => m.PhysicalUid == mqttDevice.Uid && m.Timeseries[0].Value == seq)), TimeSpan.FromSeconds(60));
        received = await tap.ReadForAsync(TimeSpan.FromMilliseconds(500)); // all received so far, plus any late duplicate

        Console.WriteLine($"restart: {expectedHttp.Count} HTTP and {acknowledgedMqtt.Count} MQTT acknowledged, {refused} refused, {received.Count} received");
        Assert.True(refused > 0, "RabbitMQ being down should have refused some messages");
        Assert.Subset(received.Select(m => m.CorrelationId).ToHashSet(), expectedHttp);
        Assert.All(acknowledgedMqtt, seq => Assert.Contains(received, m => m.PhysicalUid == mqttDevice.Uid && m.Timeseries[0].Value == seq));
        Assert.Equal(received.Count, received.Select(m => m.CorrelationId).Distinct().Count());
        Assert.Equal(received.Count, received.Select(m => m.Timeseries[0].Value).Distinct().Count());
    }

    public void Dispose() => stack.Dispose();
}
