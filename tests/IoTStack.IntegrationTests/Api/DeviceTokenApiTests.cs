using System.Net;
using System.Text;
using IoTStack.Api.Auth;
using IoTStack.IntegrationTests.Ingest;
using IoTStack.Testing;
using RabbitMQ.Client;

namespace IoTStack.IntegrationTests.Api;

/// <summary>A device token issued through the API is what Ingest accepts, until the API revokes it.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class DeviceTokenApiTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Ingest_accepts_an_issued_token_and_refuses_it_once_revoked()
    {
        var admin = await Api.SignInAsync(Roles.Admin);
        var device = (await Api.DataAsync("""mutation { createPhysicalDevice(input: { source: "http", name: "token-device" }) { uid } }""", admin))
            .GetProperty("createPhysicalDevice").GetProperty("uid").GetInt64();
        var issued = (await Api.DataAsync("mutation($uid: Long!) { issueDeviceToken(physicalUid: $uid, description: \"field unit\") { id token } }", admin, new { uid = device }))
            .GetProperty("issueDeviceToken");
        var token = issued.GetProperty("token").GetString()!;
        await using var tap = new TimeseriesTap(new ConnectionFactory { Uri = new Uri(await Stack.GetConnectionStringAsync("messaging")) });
        await tap.StartAsync(); // Ingest publishes as mandatory: something must be bound to accept
        using var ingest = Stack.CreateHttpClient("ingest");

        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(ingest, token));

        var revoked = await Api.DataAsync("mutation($id: Long!) { revokeDeviceToken(tokenId: $id) }", admin, new { id = issued.GetProperty("id").GetInt64() });
        Assert.True(revoked.GetProperty("revokeDeviceToken").GetBoolean());

        // Ingest caches a verification for a couple of seconds (its CredentialCacheTtl): poll, with a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = await SendAsync(ingest, token)) == HttpStatusCode.Accepted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Only_admins_issue_device_tokens()
    {
        var operatorToken = await Api.SignInAsync(Roles.Operator);

        var (_, body) = await Api.PostAsync("mutation { issueDeviceToken(physicalUid: 1) { token } }", operatorToken);

        Assert.Equal(["FORBIDDEN"], ApiClient.ErrorCodes(body));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient ingest, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry")
        {
            Content = new StringContent("""{"sensor_id":"4","timestamp":1526717967,"value":"91827364"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
        using var response = await ingest.SendAsync(request);
        return response.StatusCode;
    }
}
