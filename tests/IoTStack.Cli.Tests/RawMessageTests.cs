using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary><c>iotctl raw get</c> on a message a device really sent through Ingest.</summary>
public sealed class RawMessageTests(IoTStackFixture fixture) : CliTestBase(fixture)
{
    [Fact]
    public async Task Raw_get_shows_a_message_sent_through_ingest_as_it_was_received()
    {
        var puid = await CreatePhysicalAsync("http", Unique("meter"));
        var token = await IssueDeviceTokenAsync(puid);
        const string body = """{"timeseries": [{"name": "battery (v)", "value": 4.16008997}, {"name": "pulse_count", "value": 1}]}""";
        var correlationId = await IngestSender.SendAsync(Stack, token, body);

        var raw = (await Cli.RunAsync("raw", "get", "--correlation-id", $"{correlationId}")).Ok();
        Assert.Equal(correlationId, raw.GetProperty("correlationId").GetGuid());
        Assert.Equal("accepted", raw.GetProperty("status").GetString());
        Assert.Equal(puid, raw.GetProperty("physicalUid").GetInt64());
        Assert.Equal(body, raw.GetProperty("payloadText").GetString());
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)), raw.GetProperty("payloadBase64").GetString());
    }

    [Fact]
    public async Task Unknown_and_malformed_correlation_ids()
    {
        var unknown = Guid.NewGuid();
        (await Cli.RunAsync("raw", "get", "--correlation-id", $"{unknown}")).Failed($"No raw message with correlation id {unknown}.");
        (await Cli.RunAsync("raw", "get", "--correlation-id", "nope")).BadUsage("nope", "iotctl raw get");
        (await Cli.RunAsync("raw", "get")).BadUsage("--correlation-id", "iotctl raw get --correlation-id <uuid>");
    }
}
