using IoTStack.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace IoTStack.IntegrationTests.Ingest;

/// <summary>
/// A simple load on this machine: how many device messages per second Ingest accepts (stored in raw_messages and
/// confirmed on physical_timeseries) over HTTP and MQTT. Prints the figures; asserts only a low floor, since the
/// machine is shared.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class ThroughputTests(IoTStackFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly IngestKit stack = new(fixture.Stack);

    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Accepted_messages_per_second_over_HTTP()
    {
        var devices = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => stack.NewDeviceAsync()));
        await using var tap = await stack.TapAsync();
        var accepted = 0;
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(worker => Task.Run(async () =>
        {
            var device = devices[worker % devices.Length];
            for (var seq = 0; stopwatch.Elapsed < Duration; seq++)
            {
                using var response = await stack.Http.SendAsync(HttpGatewayTests.Post("/api/v1/telemetry", MqttGatewayTests.SequencedPayload(seq), "application/json", device.Token));
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
                Interlocked.Increment(ref accepted);
            }
        })));

        Report("HTTP (64 concurrent requests, one message each)", accepted, stopwatch.Elapsed);
    }

    [Fact]
    public async Task Accepted_messages_per_second_over_MQTT_QoS1()
    {
        var devices = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => stack.NewDeviceAsync()));
        await using var tap = await stack.TapAsync();
        var (accepted, elapsed) = await MqttFlood.RunAsync(stack.MqttPort, devices, Duration);

        Report("MQTT QoS 1 (16 connections x 100 in flight)", accepted, elapsed);
    }

    [Fact]
    public async Task Accepted_messages_per_second_from_one_mosquitto_pub_at_QoS1()
    {
        const int count = 5000;
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        var lines = string.Join('\n', Enumerable.Range(0, count).Select(MqttGatewayTests.SequencedPayload)) + "\n";
        var stopwatch = Stopwatch.StartNew();

        var (exitCode, log) = await LocalProcess.RunForResultAsync("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", stack.MqttPort.ToString(CultureInfo.InvariantCulture), "-V", "mqttv311", "-i", "load-" + device.Name,
             "-u", device.Name, "-P", device.Token, "-t", $"devices/{device.Name}/telemetry", "-q", "1", "-l"], standardInput: lines, timeout: TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, log);
        Report("mosquitto_pub -l, QoS 1, one connection", count, stopwatch.Elapsed);
        Assert.Equal(count, (await stack.RawMessagesAsync("physical_uid = $1 AND status = 'accepted'", device.Uid)).Count);
    }

    private void Report(string what, int accepted, TimeSpan elapsed)
    {
        var rate = accepted / elapsed.TotalSeconds;
        output.WriteLine($"{what}: {accepted} accepted in {elapsed.TotalSeconds:0.0} s = {rate:0} messages/s");
        Console.WriteLine($"THROUGHPUT {what}: {rate:0} messages/s");
        Assert.True(rate > 100, $"{what}: only {rate:0} messages/s");
    }

    public void Dispose() => stack.Dispose();
}
