using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IoTStack.IntegrationTests.Ingest;

/// <summary>
/// MQTT QoS 1 telemetry as fast as Ingest acknowledges it: each device on its own connection with 100 publishes in
/// flight, like a device flushing its buffer, until <c>duration</c> has passed. Every publish must succeed.
/// </summary>
public static class MqttFlood
{
    private const int InFlightPerConnection = 100;

    public static async Task<(int Accepted, TimeSpan Elapsed)> RunAsync(int mqttPort, IReadOnlyList<TestDevice> devices, TimeSpan duration)
    {
        var accepted = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(devices.Select(device => Task.Run(async () =>
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mqttPort)
                .WithCredentials(device.Name, device.Token).WithProtocolVersion(MqttProtocolVersion.V500).Build());
            var topic = $"devices/{device.Name}/telemetry";
            await Task.WhenAll(Enumerable.Range(0, InFlightPerConnection).Select(async lane =>
            {
                for (var seq = lane; stopwatch.Elapsed < duration; seq += InFlightPerConnection)
                {
                    var result = await client.PublishAsync(MqttGatewayTests.Message(topic, MqttGatewayTests.SequencedPayload(seq), MqttQualityOfServiceLevel.AtLeastOnce));
                    Assert.True(result.IsSuccess, result.ReasonString);
                    Interlocked.Increment(ref accepted);
                }
            }));
        })));
        return (accepted, stopwatch.Elapsed);
    }
}
