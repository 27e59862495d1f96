using System.Text;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>
/// Real data end to end: a device sends to Ingest, the Silo maps and stores it, and the Api streams it to a
/// graphql-ws subscriber — which keeps receiving after the device is replaced (re-mapped) — and serves it from
/// <c>latest</c> (the grain) and <c>series</c> (the database).
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class LiveTelemetryTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReceiveGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Readings are stamped now, in milliseconds, and each later than the last. Now: the Silo routes a reading by the
    /// mapping in force at its timestamp, so a reading stamped before the mapping started (a whole second rounds
    /// down) goes nowhere. Each later: the grain keeps the newest reading per name, and with equal timestamps "newest"
    /// would depend on which of two concurrent appends finished last (a resent old-device reading could win).
    /// </summary>
    private long _lastTimestamp;

    [Fact]
    public async Task A_subscriber_receives_points_sent_to_Ingest_across_a_device_replacement()
    {
        var admin = await Api.SignInAsync(Roles.Admin);
        var (oldDevice, oldToken) = await NewDeviceAsync(admin, "old-unit");
        var logicalUid = (await Api.DataAsync("mutation($p: Long!) { createLogicalDeviceFromPhysical(physicalUid: $p) { uid } }", admin, new { p = oldDevice }))
            .GetProperty("createLogicalDeviceFromPhysical").GetProperty("uid").GetInt64();
        await using var client = await GraphQLWsClient.ConnectAsync(Api.Http.BaseAddress!);
        await client.InitialiseAsync(admin);
        await client.SubscribeAsync("live", "subscription($l: Long!) { telemetry(logicalUid: $l) { logicalUid physicalUid name value } }", new { l = logicalUid });
        using var ingest = Stack.CreateHttpClient("ingest");

        var first = await SendUntilStreamedAsync(ingest, client, oldToken, oldDevice, 11.5);
        Assert.Equal(logicalUid, first.GetProperty("logicalUid").GetInt64());

        var (newDevice, newToken) = await NewDeviceAsync(admin, "new-unit");
        await Api.DataAsync("mutation($p: Long!, $l: Long!) { mapDevices(physicalUid: $p, logicalUid: $l) { isOpen } }", admin, new { p = newDevice, l = logicalUid });
        var second = await SendUntilStreamedAsync(ingest, client, newToken, newDevice, 22.5);
        Assert.Equal(logicalUid, second.GetProperty("logicalUid").GetInt64());

        var latest = (await Api.DataAsync("query($l: Long!) { latest(logicalUid: $l) { name value } }", admin, new { l = logicalUid })).GetProperty("latest");
        Assert.Contains(latest.EnumerateArray(), value => value.GetProperty("value").GetDouble() == 22.5);
        var history = (await Api.DataAsync("query($l: Long!) { mappingHistory(logicalUid: $l) { edges { node { physicalUid } } } }", admin, new { l = logicalUid }))
            .GetProperty("mappingHistory").GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node").GetProperty("physicalUid").GetInt64());
        Assert.Equal([newDevice, oldDevice], history);
    }

    private async Task<(long Uid, string Token)> NewDeviceAsync(string admin, string name)
    {
        var uid = (await Api.DataAsync("mutation($n: String!) { createPhysicalDevice(input: { source: \"http\", name: $n }) { uid } }", admin, new { n = name }))
            .GetProperty("createPhysicalDevice").GetProperty("uid").GetInt64();
        var token = (await Api.DataAsync("mutation($p: Long!) { issueDeviceToken(physicalUid: $p) { token } }", admin, new { p = uid }))
            .GetProperty("issueDeviceToken").GetProperty("token").GetString()!;
        return (uid, token);
    }

    /// <summary>
    /// Sends a reading until the subscriber receives one from <paramref name="physicalUid"/>: the subscription and the
    /// mapping settle asynchronously in the cluster, and a reading is the only readiness signal the client sees.
    /// </summary>
    private async Task<JsonElement> SendUntilStreamedAsync(HttpClient ingest, GraphQLWsClient client, string token, long physicalUid, double value)
    {
        var deadline = DateTime.UtcNow + Deadline;
        // Each receive outlives the sending loop, so the loop's deadline, not a cancelled receive, ends a failed wait.
        var receiving = client.ReceiveAsync(Deadline + ReceiveGrace);
        while (DateTime.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry")
            {
                Content = new StringContent($$"""{"sensor_id":"level","timestamp":{{NextTimestamp()}},"value":{{value}}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
            using var response = await ingest.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            if (await Task.WhenAny(receiving, Task.Delay(500)) == receiving)
            {
                var message = await receiving;
                Assert.True(
                    message.GetProperty("type").GetString() == "next" && !message.GetProperty("payload").TryGetProperty("errors", out _),
                    $"The subscription failed: {message}");
                var point = message.GetProperty("payload").GetProperty("data").GetProperty("telemetry");
                if (point.GetProperty("physicalUid").GetInt64() == physicalUid)
                {
                    return point;
                }

                receiving = client.ReceiveAsync(deadline - DateTime.UtcNow + ReceiveGrace);
            }
        }

        throw new TimeoutException($"No point of physical device {physicalUid} was streamed within {Deadline}. {await ReadingTrail.DescribeAsync(Stack, Database, physicalUid)}");
    }

    private long NextTimestamp() => _lastTimestamp = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastTimestamp + 1);
}
