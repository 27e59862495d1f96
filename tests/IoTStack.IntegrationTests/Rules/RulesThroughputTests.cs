using System.Diagnostics;
using System.Globalization;
using IoTStack.IntegrationTests.Ingest;
using IoTStack.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>
/// The cost of filters on ingest: MQTT QoS 1 telemetry accepted per second with no document and with 100 filters
/// on the same topics, whose conditions are evaluated on every message. One filter answers only each device's
/// final message (seq -1): evaluation is sequential, so when all 16 answers are in, every message has been
/// evaluated, which gives the evaluation rate. Prints the figures; asserts only a low floor (the machine is shared).
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class RulesThroughputTests(IoTStackFixture fixture, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    private readonly IngestKit _ingest = new(fixture.Stack);
    private readonly RulesKit _kit = new(fixture.Stack);

    [Fact]
    public async Task Accepted_messages_per_second_over_MQTT_with_and_without_100_filters()
    {
        var devices = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _ingest.NewDeviceAsync()));
        var counter = await _kit.DeviceAsync(publish: [], subscribe: ["devices/+/telemetry/seen"]);
        using var subscriber = await _kit.SubscriberAsync(counter, 0, "devices/+/telemetry/seen");
        var outputs = 0;
        subscriber.Client.ApplicationMessageReceivedAsync += args =>
        {
            if (args.ApplicationMessage.Topic.StartsWith("devices/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref outputs);
            }

            return Task.CompletedTask;
        };
        await using var tap = await _ingest.TapAsync();

        var without = await MeasureAsync(devices);
        Report("MQTT QoS 1, no filters", without);

        await _kit.PutAsync(HundredFilters());
        await _kit.AwaitDocumentsLoadedAsync(subscriber.Client, subscriber);
        var evaluation = Stopwatch.StartNew();
        var with = await MeasureAsync(devices);
        Report("MQTT QoS 1, 100 filters", with);

        await Task.WhenAll(devices.Select(async device =>
        {
            using var client = await _kit.ConnectAsync(device);
            await RulesKit.PublishAsync(client, $"devices/{device.Name}/telemetry", MqttGatewayTests.SequencedPayload(-1));
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (Volatile.Read(ref outputs) < devices.Length)
        {
            await Task.Delay(20, timeout.Token);
        }

        Report($"Evaluated by 100 filters (all {with.Accepted} messages, until the last one's output)", (with.Accepted, evaluation.Elapsed));
    }

    private static string HundredFilters()
    {
        var failing = Enumerable.Range(1, 99).Select(i =>
            $$"""{"topic": "devices/+/telemetry", "subtopic": "never", "statements": [{"condition": "( $values.seq < -5 or $values.seq == -{{i + 5}} ) and $ts > {{i}}", "new_payload": ""}]}""");
        const string counting = """{"topic": "devices/+/telemetry", "subtopic": "seen", "statements": [{"condition": "$values.seq == -1", "new_payload": "1"}]}""";
        return $$"""{"filters": [{{string.Join(", ", failing.Append(counting))}}], "rules": []}""";
    }

    private Task<(int Accepted, TimeSpan Elapsed)> MeasureAsync(TestDevice[] devices) => MqttFlood.RunAsync(_ingest.MqttPort, devices, Duration);

    private void Report(string what, (int Count, TimeSpan Elapsed) run)
    {
        var rate = run.Count / run.Elapsed.TotalSeconds;
        output.WriteLine($"{what}: {run.Count} in {run.Elapsed.TotalSeconds:0.0} s = {rate:0} messages/s");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"THROUGHPUT {what}: {rate:0} messages/s"));
        Assert.True(rate > 100, $"{what}: only {rate:0} messages/s");
    }

    public void Dispose()
    {
        _kit.Dispose();
        _ingest.Dispose();
    }
}
