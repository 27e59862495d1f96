using System.Text;
using System.Threading.Channels;
using MQTTnet;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>A connected MQTT client that records every message it receives, in order.</summary>
public sealed class MqttRecorder(IMqttClient client) : IDisposable
{
    private readonly Channel<(string Topic, string Payload)> _received = Channel.CreateUnbounded<(string, string)>();

    public IMqttClient Client { get; } = client;

    public void Start() => Client.ApplicationMessageReceivedAsync += args =>
    {
        _received.Writer.TryWrite((args.ApplicationMessage.Topic, Encoding.UTF8.GetString(args.ApplicationMessage.Payload)));
        return Task.CompletedTask;
    };

    /// <summary>
    /// Messages received until <paramref name="end"/> (which must come within the deadline), leaving out those on
    /// <paramref name="ignoredTopic"/> (the probe's).
    /// </summary>
    public async Task<List<(string Topic, string Payload)>> ReceiveUntilAsync((string Topic, string Payload) end, string ignoredTopic, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var received = new List<(string Topic, string Payload)>();
        while (true)
        {
            var message = await _received.Reader.ReadAsync(timeout.Token);
            if (message == end)
            {
                return received;
            }

            if (message.Topic != ignoredTopic)
            {
                received.Add(message);
            }
        }
    }

    public void Dispose() => Client.Dispose();
}
