using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IoTStack.Simulator;

/// <summary>An MQTT 5 client publishing to <c>devices/{name}/telemetry</c> over TCP or WebSocket.</summary>
public sealed class MqttDeviceChannel(SimulatedDevice device, SimulatorOptions options) : IDeviceChannel
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _topic = $"devices/{device.Name}/telemetry";

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(device.Name)
            .WithCredentials(device.Name, device.Token)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(30));
        builder = options.Transport == Transport.MqttWebSocket
            ? builder.WithWebSocketServer(socket => socket.WithUri($"ws://{options.Host}:{options.HttpPort}/mqtt"))
            : builder.WithTcpServer(options.Host, options.MqttPort);
        var result = await _client.ConnectAsync(builder.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"CONNACK {result.ResultCode}: {result.ReasonString}");
        }
    }

    public async Task<string?> SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return "Disconnected";
        }

        var message = new MqttApplicationMessageBuilder().WithTopic(_topic).WithPayload(payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)options.QoS).Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        return result.IsSuccess ? null : result.ReasonCode.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
