using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Transport;
using IoTStack.Api.GraphQL.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace IoTStack.Api.Tests;

/// <summary>The graphql-transport-ws protocol as the graphql-ws client library expects it.</summary>
public sealed class TransportWsSessionTests : IDisposable
{
    private const string ReaderToken = "Bearer reader-token";
    private const string TelemetrySubscription = "subscription($uid: Long!) { telemetry(logicalUid: $uid) { logicalUid physicalUid name value } }";

    private readonly TestSchema schema = new();
    private readonly FakeTextChannel client = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task session;

    public TransportWsSessionTests() : this(TimeSpan.FromSeconds(10))
    {
    }

    private TransportWsSessionTests(TimeSpan initialisationTimeout)
    {
        var executor = schema.Services.GetRequiredService<GraphQLRequestExecutor>();
        session = new TransportWsSession(
            client, schema.Serializer, schema.Services.GetRequiredService<IServiceScopeFactory>(),
            (request, caller, services, cancellationToken) => executor.ExecuteAsync(request, caller, services, streaming: true, cancellationToken),
            (credential, _) => Task.FromResult(credential == ReaderToken ? TestSchema.User(Roles.Reader) : null),
            initialisationTimeout).RunAsync(stop.Token);
    }

    [Fact]
    public async Task Connection_init_with_a_valid_token_is_acknowledged_and_ping_is_answered_with_pong()
    {
        await InitialiseAsync();

        client.SendJson(new { type = "ping" });

        Assert.Equal("pong", (await client.NextAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_subscription_streams_each_point_as_next_and_stops_when_the_client_completes()
    {
        await InitialiseAsync();
        client.SendJson(new { type = "subscribe", id = "s1", payload = new { query = TelemetrySubscription, variables = new { uid = 5 } } });

        var first = await PublishUntilReceivedAsync(new TelemetryPoint(5, 11, "temperature", DateTimeOffset.UtcNow, 21.5, null, Guid.NewGuid()));
        Assert.Equal("s1", first.GetProperty("id").GetString());
        var point = first.GetProperty("payload").GetProperty("data").GetProperty("telemetry");
        Assert.Equal((5, 11, "temperature", 21.5), (point.GetProperty("logicalUid").GetInt32(), point.GetProperty("physicalUid").GetInt32(), point.GetProperty("name").GetString(), point.GetProperty("value").GetDouble()));

        // After a re-mapping the same logical device is fed by another physical device: the stream carries on.
        schema.Telemetry.Publish(new TelemetryPoint(5, 12, "temperature", DateTimeOffset.UtcNow, 22.0, null, Guid.NewGuid()));
        var second = (await client.NextAsync()).GetProperty("payload").GetProperty("data").GetProperty("telemetry");
        Assert.Equal(12, second.GetProperty("physicalUid").GetInt32());

        // Points of other devices are not delivered.
        schema.Telemetry.Publish(new TelemetryPoint(6, 13, "temperature", DateTimeOffset.UtcNow, 1, null, Guid.NewGuid()));
        client.SendJson(new { type = "complete", id = "s1" });
        client.SendJson(new { type = "ping" });
        Assert.Equal("pong", (await client.NextAsync()).GetProperty("type").GetString());
        await WaitUntilAsync(() => schema.Telemetry.WatcherCount(5) == 0);
        schema.Telemetry.Publish(new TelemetryPoint(5, 12, "temperature", DateTimeOffset.UtcNow, 23.0, null, Guid.NewGuid()));
        client.SendJson(new { type = "ping" });
        Assert.Equal("pong", (await client.NextAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_query_is_answered_with_next_then_complete()
    {
        await InitialiseAsync();
        client.SendJson(new { type = "subscribe", id = "q1", payload = new { query = "{ __typename }" } });

        var next = await client.NextAsync();
        Assert.Equal(("next", "Query"), (next.GetProperty("type").GetString(), next.GetProperty("payload").GetProperty("data").GetProperty("__typename").GetString()));
        var complete = await client.NextAsync();
        Assert.Equal(("complete", "q1"), (complete.GetProperty("type").GetString(), complete.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_invalid_operation_is_answered_with_error_carrying_the_errors()
    {
        await InitialiseAsync();
        client.SendJson(new { type = "subscribe", id = "bad", payload = new { query = "subscription { telemetry(logicalUid: 1) { noSuchField } }" } });

        var error = await client.NextAsync();
        Assert.Equal(("error", "bad"), (error.GetProperty("type").GetString(), error.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Array, error.GetProperty("payload").ValueKind);
    }

    [Fact]
    public async Task An_anonymous_connection_gets_UNAUTHENTICATED_errors()
    {
        client.SendJson(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await client.NextAsync()).GetProperty("type").GetString());
        client.SendJson(new { type = "subscribe", id = "s", payload = new { query = TelemetrySubscription, variables = new { uid = 1 } } });

        var error = await client.NextAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_wrong_token_closes_with_4403()
    {
        client.SendJson(new { type = "connection_init", payload = new { authorization = "Bearer forged" } });

        Assert.Equal(TransportWs.Forbidden, await client.ClosedAsync());
    }

    [Fact]
    public async Task Subscribing_before_initialising_closes_with_4401()
    {
        client.SendJson(new { type = "subscribe", id = "s", payload = new { query = "{ __typename }" } });

        Assert.Equal(TransportWs.Unauthorized, await client.ClosedAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await InitialiseAsync();
        client.SendJson(new { type = "connection_init", payload = new { authorization = ReaderToken } });

        Assert.Equal(TransportWs.TooManyInitialisationRequests, await client.ClosedAsync());
    }

    [Fact]
    public async Task Reusing_the_id_of_a_running_subscription_closes_with_4409()
    {
        await InitialiseAsync();
        var subscribe = new { type = "subscribe", id = "same", payload = new { query = TelemetrySubscription, variables = new { uid = 1 } } };
        client.SendJson(subscribe);
        client.SendJson(subscribe);

        Assert.Equal(TransportWs.SubscriberAlreadyExists, await client.ClosedAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":"unheard_of"}""")]
    public async Task A_message_that_is_not_the_protocol_closes_with_4400(string message)
    {
        await InitialiseAsync();
        client.Send(message);

        Assert.Equal(TransportWs.BadRequest, await client.ClosedAsync());
    }

    [Fact]
    public async Task A_connection_that_never_initialises_closes_with_4408()
    {
        using var shortLived = new TransportWsSessionTests(TimeSpan.FromMilliseconds(100));

        Assert.Equal(TransportWs.InitialisationTimeout, await shortLived.client.ClosedAsync());
    }

    public void Dispose()
    {
        client.Disconnect();
        stop.Cancel();
        session.Wait(TimeSpan.FromSeconds(5));
        stop.Dispose();
        schema.Dispose();
    }

    private async Task InitialiseAsync()
    {
        client.SendJson(new { type = "connection_init", payload = new { authorization = ReaderToken } });
        Assert.Equal("connection_ack", (await client.NextAsync()).GetProperty("type").GetString());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never became true.");
            await Task.Delay(10);
        }
    }

    /// <summary>The subscription is registered asynchronously: wait (with a deadline) until it watches, then publish.</summary>
    private async Task<JsonElement> PublishUntilReceivedAsync(TelemetryPoint point)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (schema.Telemetry.WatcherCount(point.LogicalUid) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The subscription never started watching.");
            await Task.Delay(10);
        }

        schema.Telemetry.Publish(point);
        return await client.NextAsync();
    }
}
