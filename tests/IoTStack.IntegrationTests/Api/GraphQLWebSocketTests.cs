using System.Net.WebSockets;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.Devices.Standalone;
using IoTStack.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IoTStack.IntegrationTests.Api;

/// <summary>Subscriptions over WebSocket with graphql-transport-ws, against the running Api and in-process.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class GraphQLWebSocketTests(IoTStackFixture fixture, InProcessApi inProcess) : ApiTestBase(fixture), IClassFixture<InProcessApi>
{
    private const string Telemetry = "subscription($uid: Long!) { telemetry(logicalUid: $uid) { logicalUid physicalUid name value } }";

    [Fact]
    public async Task The_running_Api_acknowledges_a_token_pongs_and_answers_an_operation()
    {
        var token = await Api.SignInAsync(Roles.Reader);
        await using var client = await GraphQLWsClient.ConnectAsync(Api.Http.BaseAddress!);

        Assert.Equal(GraphQLWsClient.SubProtocol, client.Socket.SubProtocol);
        Assert.Equal("connection_ack", (await client.InitialiseAsync(token)).GetProperty("type").GetString());
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SubscribeAsync("q", "{ sources { edges { node { name } } } }");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.NotEmpty(next.GetProperty("payload").GetProperty("data").GetProperty("sources").GetProperty("edges").EnumerateArray());
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_forged_token_in_connection_init_closes_with_4403()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(Api.Http.BaseAddress!);

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer forged" } });

        Assert.Equal(4403, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task Live_points_stream_to_the_subscriber_and_keep_coming_after_the_physical_device_changes()
    {
        var factory = inProcess.For(Stack);
        var feed = factory.Services.GetRequiredService<InProcessTelemetryFeed>();
        using var api = new ApiClient(factory.CreateClient(), Database);
        var token = await api.SignInAsync(Roles.Reader);
        var webSockets = factory.Server.CreateWebSocketClient();
        webSockets.SubProtocols.Add(GraphQLWsClient.SubProtocol);
        var socket = await webSockets.ConnectAsync(new Uri(factory.Server.BaseAddress, "/graphql"), CancellationToken.None);
        await using var client = new GraphQLWsClient(socket);
        await client.InitialiseAsync(token);

        await client.SubscribeAsync("live", Telemetry, new { uid = 4242 });
        await WaitUntilAsync(() => feed.WatcherCount(4242) > 0);
        feed.Publish(new TelemetryPoint(4242, 1, "level", DateTimeOffset.UtcNow, 1.5, null, Guid.NewGuid()));
        feed.Publish(new TelemetryPoint(4243, 9, "level", DateTimeOffset.UtcNow, 99, null, Guid.NewGuid()));
        feed.Publish(new TelemetryPoint(4242, 2, "level", DateTimeOffset.UtcNow, 2.5, null, Guid.NewGuid())); // the replacement device

        var first = (await client.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("telemetry");
        var second = (await client.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("telemetry");
        Assert.Equal((1, 1.5), (first.GetProperty("physicalUid").GetInt32(), first.GetProperty("value").GetDouble()));
        Assert.Equal((2, 2.5), (second.GetProperty("physicalUid").GetInt32(), second.GetProperty("value").GetDouble()));

        await client.SendAsync(new { type = "complete", id = "live" });
        await WaitUntilAsync(() => feed.WatcherCount(4242) == 0);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the subscription.");
            await Task.Delay(20);
        }
    }
}
