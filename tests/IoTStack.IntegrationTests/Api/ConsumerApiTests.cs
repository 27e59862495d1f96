using System.Net;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>TUM's consumers: API keys that read only the logical devices they were granted.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class ConsumerApiTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_consumer_reads_its_granted_device_and_nothing_else()
    {
        var at = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var granted = await CreateLogicalDeviceWithPointsAsync($"granted-{Guid.NewGuid():N}", [("level", at, 3.0, null)]);
        var other = await CreateLogicalDeviceWithPointsAsync($"other-{Guid.NewGuid():N}", [("level", at, 4.0, null)]);
        var admin = await Api.SignInAsync(Roles.Admin);
        var created = (await Api.DataAsync("mutation($n: String!) { createConsumer(name: $n) { apiKey consumer { id } } }", admin, new { n = $"tum-{Guid.NewGuid():N}" }))
            .GetProperty("createConsumer");
        var key = created.GetProperty("apiKey").GetString()!;
        var id = created.GetProperty("consumer").GetProperty("id").GetInt64();
        await Api.DataAsync("mutation($id: Long!, $l: Long!) { grantConsumer(consumerId: $id, logicalUid: $l) { id } }", admin, new { id, l = granted });

        const string Read = "query($l: Long!) { logicalDevice(uid: $l) { name } series(logicalUid: $l, from: \"2026-01-01T00:00:00Z\", to: \"2026-03-01T00:00:00Z\") { value } }";
        var (okStatus, ok) = await Api.PostAsync(Read, null, new { l = granted }, apiKey: key);
        var (_, denied) = await Api.PostAsync(Read, null, new { l = other }, apiKey: key);
        var (_, registry) = await Api.PostAsync("{ physicalDevices { edges { cursor } } }", null, apiKey: key);

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal(3.0, ok.GetProperty("data").GetProperty("series")[0].GetProperty("value").GetDouble());
        Assert.All(ApiClient.ErrorCodes(denied), code => Assert.Equal("FORBIDDEN", code));
        Assert.NotEmpty(ApiClient.ErrorCodes(denied));
        Assert.Equal(["FORBIDDEN"], ApiClient.ErrorCodes(registry));

        await Api.DataAsync("mutation($id: Long!) { revokeConsumer(consumerId: $id) { revokedAt } }", admin, new { id });
        var (revoked, _) = await Api.PostAsync(Read, null, new { l = granted }, apiKey: key);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked);
    }
}
