using IoTStack.Testing;
using System.Net;

namespace IoTStack.IntegrationTests.Ingest;

[Collection(IoTStackFixture.Collection)]
public sealed class DatabaseRestartTests(IoTStackFixture fixture) : IDisposable
{
    private readonly IngestKit stack = new(fixture.Stack);

    private const string Payload = """{"ts": 1700000000000, "values": {"t": 1}}""";

    [Fact]
    public async Task While_PostgreSQL_is_down_devices_get_503_and_Ingest_recovers_when_it_returns()
    {
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(device)).StatusCode);

        await stack.StopPostgresAsync();
        try
        {
            using var refused = await SendAsync(device);
            await HttpGatewayTests.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "PostgreSQL");
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        finally
        {
            await stack.StartPostgresAsync();
        }

        HttpResponseMessage? accepted = null;
        await LocalProcess.WaitUntilAsync(async () => (accepted = await SendAsync(device)).StatusCode == HttpStatusCode.Accepted,
            TimeSpan.FromSeconds(30), "Ingest accepting again after PostgreSQL came back");
        var correlationId = await IngestKit.CorrelationIdOf(accepted!);
        Assert.Equal("accepted", Assert.Single(await stack.RawMessagesAsync("correlation_id = $1", correlationId)).Status);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_within_the_credential_cache_time()
    {
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(device)).StatusCode);

        await stack.Credentials.RevokeDeviceTokenAsync(device.TokenId, CancellationToken.None);
        var revokedAt = System.Diagnostics.Stopwatch.StartNew();
        await LocalProcess.WaitUntilAsync(async () => (await SendAsync(device)).StatusCode == HttpStatusCode.Forbidden,
            TimeSpan.FromSeconds(5), "revocation taking effect");

        Assert.InRange(revokedAt.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    private Task<HttpResponseMessage> SendAsync(TestDevice device) =>
        stack.Http.SendAsync(HttpGatewayTests.Post("/api/v1/telemetry", Payload, "application/json", device.Token));

    public void Dispose() => stack.Dispose();
}
