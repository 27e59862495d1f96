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
        var mqtt311Device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        using var mqtt = new MqttClientFactory().CreateMqttClient();
        await mqtt.ConnectAsync(Options(mqttDevice, MqttProtocolVersion.V500));
        using var mqtt311 = new MqttClientFactory().CreateMqttClient();
        await mqtt311.ConnectAsync(Options(mqtt311Device, MqttProtocolVersion.V311));

        var acknowledgedHttp = new ConcurrentBag<Guid>();
        var acknowledgedMqtt = new ConcurrentBag<(long Device, int Seq)>();
        var refused = 0;
        var dropped311 = 0;
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
                    acknowledgedMqtt.Add((mqttDevice.Uid, seq));
                }
                else
                {
                    Assert.Equal(MqttClientPublishReasonCode.ImplementationSpecificError, result.ReasonCode);
                    Interlocked.Increment(ref refused);
                    await Task.Delay(50);
                }
            }
        }

        // MQTT 3.1.1 has no failure code: Ingest withholds the PUBACK and drops the connection; the client reconnects.
        async Task SendOverMqtt311Async()
        {
            while (!stop.IsCancellationRequested)
            {
                var seq = Interlocked.Increment(ref sequence);
                try
                {
                    if (!mqtt311.IsConnected)
                    {
                        await mqtt311.ConnectAsync(Options(mqtt311Device, MqttProtocolVersion.V311));
                    }

                    await mqtt311.PublishAsync(MqttGatewayTests.Message($"devices/{mqtt311Device.Name}/telemetry", MqttGatewayTests.SequencedPayload(seq), MqttQualityOfServiceLevel.AtLeastOnce));
                    acknowledgedMqtt.Add((mqtt311Device.Uid, seq));
                }
                catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref dropped311);
                    await Task.Delay(100);
                }
            }
        }

        var senders = httpDevices.Select(device => Task.Run(() => SendOverHttpAsync(device)))
            .Append(Task.Run(SendOverMqttAsync)).Append(Task.Run(SendOverMqtt311Async)).ToArray();
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
            acknowledgedMqtt.All(ack => all.Any(m => m.PhysicalUid == ack.Device && m.Timeseries[0].Value == ack.Seq)), TimeSpan.FromSeconds(60));
        received = await tap.ReadForAsync(TimeSpan.FromMilliseconds(500)); // all received so far, plus any late duplicate

        Console.WriteLine($"restart: {expectedHttp.Count} HTTP and {acknowledgedMqtt.Count} MQTT acknowledged, {refused} refused, {dropped311} MQTT 3.1.1 publishes dropped, {received.Count} received");
        Assert.True(refused > 0, "RabbitMQ being down should have refused some messages");
        Assert.True(dropped311 > 0, "the MQTT 3.1.1 client should have been disconnected instead of acknowledged");
        Assert.Contains(acknowledgedMqtt, ack => ack.Device == mqtt311Device.Uid);
        Assert.Subset(received.Select(m => m.CorrelationId).ToHashSet(), expectedHttp);
        Assert.All(acknowledgedMqtt, ack => Assert.Contains(received, m => m.PhysicalUid == ack.Device && m.Timeseries[0].Value == ack.Seq));
        Assert.Equal(received.Count, received.Select(m => m.CorrelationId).Distinct().Count());
        Assert.Equal(received.Count, received.Select(m => m.Timeseries[0].Value).Distinct().Count());
    }

    private MqttClientOptions Options(TestDevice device, MqttProtocolVersion version) =>
        new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", stack.MqttPort).WithClientId("restart-" + device.Name)
            .WithCredentials(device.Name, device.Token).WithProtocolVersion(version).WithTimeout(TimeSpan.FromSeconds(5)).Build();

    public void Dispose() => stack.Dispose();
}
