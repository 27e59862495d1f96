using IoTStack.IntegrationTests.Ingest;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>Publishes at QoS 1 on its telemetry topic; a message counts once its PUBACK says success.</summary>
public sealed class MqttFlowingDevice(TestDevice device, long logicalUid, IReadOnlyList<Uri> replicas, int firstReplica)
    : FlowingDevice(device, logicalUid, replicas, firstReplica)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private IMqttClient? _client;

    /// <summary>The replica each successful connection went to, in order.</summary>
    public List<int> Connections { get; } = [];

    protected override async Task<bool> TrySendAsync(string payload, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(Timeout);
        try
        {
            _client ??= await ConnectAsync(timeout.Token);
            var result = await _client.PublishAsync(MqttGatewayTests.Message($"devices/{Device.Name}/telemetry", payload, MqttQualityOfServiceLevel.AtLeastOnce), timeout.Token);
            return result.IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // The replica went away mid-conversation: start afresh on the next one.
            _client?.Dispose();
            _client = null;
            return false;
        }
    }

    private async Task<IMqttClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Endpoint.Port).WithTimeout(Timeout)
                .WithClientId(Device.Name).WithCredentials(Device.Name, Device.Token).WithProtocolVersion(MqttProtocolVersion.V500).Build(), cancellationToken);
            Connections.Add(Replica);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            await _client.DisconnectAsync();
        }

        _client?.Dispose();
    }
}
