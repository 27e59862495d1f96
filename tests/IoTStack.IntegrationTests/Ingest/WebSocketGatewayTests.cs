using IoTStack.Testing;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IoTStack.IntegrationTests.Ingest;

[Collection(IoTStackFixture.Collection)]
public sealed class WebSocketGatewayTests(IoTStackFixture fixture) : IDisposable
{
    private readonly IngestKit stack = new(fixture.Stack);

    private const string TumSample = """{"sensor_id":"4","timestamp":1526717967,"value":"91827364"}""";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer iotd_unknown", HttpStatusCode.Forbidden)]
    public async Task The_WebSocket_upgrade_needs_a_valid_token(string? authorization, HttpStatusCode status)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("authorization", authorization);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://127.0.0.1:{stack.HttpPort}/api/v1/ws"), CancellationToken.None));
        Assert.Equal(status, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Each_WebSocket_message_gets_its_own_reply_and_reaches_the_exchange()
    {
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("authorization", $"Bearer {device.Token}");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{stack.HttpPort}/api/v1/ws"), CancellationToken.None);

        var accepted = await ExchangeAsync(socket, TumSample);
        var rejected = await ExchangeAsync(socket, """{"sensor_id": "4", "timestamp": 1526717967, "value": NaN}""");
        var again = await ExchangeAsync(socket, """[{"ts": 1700000000000, "values": {"t": 1}}]""");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        Assert.Equal(202, accepted.GetProperty("status").GetInt32());
        Assert.Equal(400, rejected.GetProperty("status").GetInt32());
        Assert.Equal("InvalidValue", rejected.GetProperty("reason").GetString());
        Assert.Equal(202, again.GetProperty("status").GetInt32());
        var received = await tap.ReadUntilAsync(all => all.Count(m => m.PhysicalUid == device.Uid) >= 2, TimeSpan.FromSeconds(15));
        Assert.Equal(2, received.Count(m => m.PhysicalUid == device.Uid));
        var kept = await stack.RawMessagesAsync("physical_uid = $1", device.Uid);
        Assert.Equal(["accepted", "rejected", "accepted"], kept.Select(row => row.Status));
    }

    private static async Task<JsonElement> ExchangeAsync(ClientWebSocket socket, string payload)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        return JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement.Clone();
    }

    public void Dispose() => stack.Dispose();
}
