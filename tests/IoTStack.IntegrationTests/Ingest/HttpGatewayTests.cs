using IoTStack.Ingest.Tests.Decoding;
using IoTStack.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IoTStack.IntegrationTests.Ingest;

[Collection(IoTStackFixture.Collection)]
public sealed class HttpGatewayTests(IoTStackFixture fixture) : IDisposable
{
    private readonly IngestKit stack = new(fixture.Stack);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private const string TumSample = """{"sensor_id":"4","timestamp":1526717967,"value":"91827364"}""";

    [Fact]
    public async Task The_CroMFlaG2_curl_example_is_accepted_and_its_six_rows_reach_physical_timeseries()
    {
        var device = await stack.NewDeviceAsync("sample");
        await using var tap = await stack.TapAsync();

        // The seed's curl command verbatim (data, path, content type), pointed at Ingest and carrying the device token.
        var output = await LocalProcess.RunAsync("curl", ["-s", "-w", "\n%{http_code}", "-X", "POST", "--header", "Content-Type: application/json",
            "--header", $"Authorization: Bearer {device.Token}", $"http://127.0.0.1:{stack.HttpPort}/insert/sample", "--data", CroMFlaG2Seed.CurlData]);

        var lines = output.Trim().Split('\n');
        Assert.Equal("202", lines[^1]);
        var correlationId = JsonDocument.Parse(lines[0]).RootElement.GetProperty("correlation_id").GetGuid();
        var received = await tap.ReadUntilAsync(all => all.Count(m => m.CorrelationId == correlationId) >= 6, Deadline);
        var rows = received.Where(m => m.CorrelationId == correlationId).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, row => Assert.Equal(device.Uid, row.PhysicalUid));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => DateTimeOffset.FromUnixTimeMilliseconds(1582046738255 + (i * 10000))), rows.Select(r => r.Timestamp));
        Assert.Equal([78.0, 82.0, 81.0, 80.0, 79.0, 77.0], rows.Select(r => r.Timeseries.Single(p => p.Name == "temperature").Value!.Value));
        Assert.All(rows, row => Assert.Equal(8, row.Timeseries.Count));

        var raw = Assert.Single(await stack.RawMessagesAsync("correlation_id = $1", correlationId));
        Assert.Equal("accepted", raw.Status);
        Assert.Equal("/insert/sample", raw.Route);
        await using var properties = stack.Database.CreateCommand($"SELECT properties->>'fw_ver' || ' ' || (properties->>'batt_lvl') FROM physical_devices WHERE uid = {device.Uid}");
        Assert.Equal("12345.009 78", await properties.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_TUM_request_with_good_missing_malformed_and_revoked_tokens_gets_202_401_401_403()
    {
        var device = await stack.NewDeviceAsync();
        var revoked = await stack.Credentials.IssueDeviceTokenAsync(device.Uid, "to revoke", null, CancellationToken.None);
        Assert.True(await stack.Credentials.RevokeDeviceTokenAsync(revoked.Id, CancellationToken.None));
        var expired = await stack.Credentials.IssueDeviceTokenAsync(device.Uid, "expired", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        await using var tap = await stack.TapAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await PostTumAsync("authorization", $"Bearer {device.Token}")).StatusCode);
        await AssertProblemAsync(await PostTumAsync(null, null), HttpStatusCode.Unauthorized, "missing");
        await AssertProblemAsync(await PostTumAsync("authorization", "Bearer"), HttpStatusCode.Unauthorized, "malformed");
        await AssertProblemAsync(await PostTumAsync("Authorization", $"Token {device.Token}"), HttpStatusCode.Unauthorized, "malformed");
        await AssertProblemAsync(await PostTumAsync("authorization", $"Bearer {revoked.Secret}"), HttpStatusCode.Forbidden, "revoked");
        await AssertProblemAsync(await PostTumAsync("authorization", $"Bearer {expired.Secret}"), HttpStatusCode.Forbidden, "expired");
        await AssertProblemAsync(await PostTumAsync("authorization", "Bearer iotd_not-a-token"), HttpStatusCode.Forbidden, "not known");

        var received = await tap.ReadUntilAsync(all => all.Any(m => m.PhysicalUid == device.Uid), Deadline);
        var message = Assert.Single(received, m => m.PhysicalUid == device.Uid);
        Assert.Equal(91827364, message.Timeseries.Single().Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1526717967), message.Timestamp);
    }

    [Fact]
    public async Task A_device_cannot_send_as_another_device()
    {
        var deviceA = await stack.NewDeviceAsync();
        var deviceB = await stack.NewDeviceAsync();

        using var request = Post($"/insert/{deviceB.Name}", CroMFlaG2Seed.CurlData.Replace("\"sample\"", $"\"{deviceB.Name}\"", StringComparison.Ordinal), "application/json", deviceA.Token);
        var response = await stack.Http.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, $"may not send as device '{deviceB.Name}'");
        var raw = Assert.Single(await stack.RawMessagesAsync("correlation_id = $1", problem.GetProperty("correlation_id").GetGuid()));
        Assert.Equal("rejected", raw.Status);
        Assert.StartsWith("Forbidden:", raw.Reason, StringComparison.Ordinal);
        Assert.Empty(await stack.RawMessagesAsync("physical_uid = $1 AND status = 'accepted'", deviceB.Uid));
    }

    [Theory]
    [MemberData(nameof(MalformedInputs.Cases), MemberType = typeof(MalformedInputs))]
    public async Task Each_malformed_input_is_rejected_with_its_documented_status_and_kept(MalformedInput input)
    {
        var device = await stack.NewDeviceAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = new ByteArrayContent(input.Payload) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input.ContentType!);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.Token);

        var problem = await AssertProblemAsync(await stack.Http.SendAsync(request), (HttpStatusCode)input.HttpStatus, input.DetailContains);

        await AssertKeptAsRejectedAsync(problem, input.Kind.ToString(), input.Payload);
    }

    [Fact]
    public async Task A_huge_payload_gets_413_and_its_beginning_is_kept()
    {
        var device = await stack.NewDeviceAsync();
        var huge = $"{{\"ts\": 1700000000000, \"values\": {{\"t\": \"{new string('x', 300_000)}\"}}}}";

        using var request = Post("/api/v1/telemetry", huge, "application/json", device.Token);
        var problem = await AssertProblemAsync(await stack.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "larger than the limit");

        await AssertKeptAsRejectedAsync(problem, "TooLarge", Encoding.UTF8.GetBytes(huge)[..1024]);
    }

    [Fact]
    public async Task MessagePack_and_the_other_shapes_are_accepted_on_the_same_endpoint()
    {
        var device = await stack.NewDeviceAsync();
        await using var tap = await stack.TapAsync();
        string[] payloads =
        [
            """[{"sensor_id":"4","timestamp":1526717967000,"value":1},{"sensor_id":"5","timestamp":1526717967000,"value":2}]""",
            $$"""{"p_uid": {{device.Uid}}, "timestamp": "2023-01-30T06:21:56Z", "timeseries": [{"name": "battery (v)", "value": 4.16}]}""",
            """[{"ts": 1700000000000, "values": {"t": 21.5, "door": true}}, {"ts": 1700000001000, "values": {"t": 21.6}}]""",
        ];

        foreach (var payload in payloads)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await stack.Http.SendAsync(Post("/api/v1/telemetry", payload, "application/json", device.Token))).StatusCode);
        }

        using var msgpack = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = new ByteArrayContent(MessagePack.MessagePackSerializer.ConvertFromJson(TumSample)) };
        msgpack.Content.Headers.ContentType = new MediaTypeHeaderValue("application/msgpack");
        msgpack.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.Token);
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Http.SendAsync(msgpack)).StatusCode);

        var received = await tap.ReadUntilAsync(all => all.Count(m => m.PhysicalUid == device.Uid) >= 5, Deadline);
        Assert.Equal(5, received.Count(m => m.PhysicalUid == device.Uid));
    }

    [Fact]
    public async Task A_source_credential_creates_an_unknown_device_with_its_source_ids()
    {
        var source = await stack.Credentials.IssueSourceCredentialAsync("ttn", null, CancellationToken.None);
        var sensor = "replacement-" + Guid.NewGuid().ToString("N")[..8];
        await using var tap = await stack.TapAsync();

        var first = await stack.Http.SendAsync(Post($"/api/v1/telemetry?device={sensor}", TumSample, "application/json", source.Secret));
        var second = await stack.Http.SendAsync(Post($"/insert/{sensor}", """{"deviceinfo": {"deviceid": "x"}, "tsdata": []}""".Replace("\"x\"", $"\"{sensor}\"", StringComparison.Ordinal), "application/json", source.Secret));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.BadRequest, "holds no values");
        await using var devices = stack.Database.CreateCommand("SELECT count(*) FROM physical_devices WHERE source = 'ttn' AND source_ids->>'device_id' = $1");
        devices.Parameters.Add(new() { Value = sensor });
        Assert.Equal(1L, await devices.ExecuteScalarAsync());
    }

    private Task<HttpResponseMessage> PostTumAsync(string? header, string? value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = new StringContent(TumSample, Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return stack.Http.SendAsync(request);
    }

    internal static HttpRequestMessage Post(string path, string body, string contentType, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }

    private async Task AssertKeptAsRejectedAsync(JsonElement problem, string kind, byte[] payload)
    {
        var raw = Assert.Single(await stack.RawMessagesAsync("correlation_id = $1", problem.GetProperty("correlation_id").GetGuid()));
        Assert.Equal("rejected", raw.Status);
        Assert.StartsWith(kind + ":", raw.Reason, StringComparison.Ordinal);
        Assert.Equal(payload, raw.Payload);
    }

    public void Dispose() => stack.Dispose();
}
