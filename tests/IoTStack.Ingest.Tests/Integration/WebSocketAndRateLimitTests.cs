using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IoTStack.Ingest.Tests.Integration;

[Collection(IngestServersGroup.Name)]
[Trait("Category", "Integration")]
public class WebSocketAndRateLimitTests(IngestServers stack)
{
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

    [Fact]
    public async Task A_device_over_its_rate_gets_429_with_Retry_After()
    {
        var (ingest, http) = await stack.StartExtraIngestAsync(new Dictionary<string, string>
        {
            ["Ingest__DeviceRequestsPerSecond"] = "1",
            ["Ingest__DeviceBurst"] = "3",
        });
        await using var _ = ingest;
        using var __ = http;
        var device = await stack.NewDeviceAsync();
        var other = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await http.SendAsync(HttpGatewayTests.Post("/api/v1/telemetry", TumSample, "application/json", device.Token)));
        }

        var limited = statuses.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        await HttpGatewayTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "Too many messages from this device");
        Assert.Equal(3, statuses.Count(response => response.StatusCode == HttpStatusCode.Accepted));
        var otherDevice = await http.SendAsync(HttpGatewayTests.Post("/api/v1/telemetry", TumSample, "application/json", other.Token));
        Assert.Equal(HttpStatusCode.Accepted, otherDevice.StatusCode);
    }

    private static async Task<JsonElement> ExchangeAsync(ClientWebSocket socket, string payload)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        return JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement.Clone();
    }
}
