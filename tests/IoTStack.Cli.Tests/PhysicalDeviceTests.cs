using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary>broker-cli's <c>pd</c> examples from IoTa's documentation, run as <c>iotctl pd</c>.</summary>
public sealed class PhysicalDeviceTests(IoTStackFixture fixture) : CliTestBase(fixture)
{
    private const string IoTaExample = """{ "source_name": "ttn", "name": "Test device", "location": { "lat": -39.769108, "long": 147.920245 }, "source_ids": { "app_id": "ttn-app-id", "dev_id": "ttn-device-id", "dev_eui": "ttn-dev-eui-in-hex" } }""";

    [Fact]
    public async Task Create_from_the_IoTa_example_then_get_with_and_without_properties()
    {
        var created = (await Cli.RunAsync("pd", "create", "--json", IoTaExample)).Ok();
        var uid = created.GetProperty("uid").GetInt64();
        Assert.Equal("ttn-dev-eui-in-hex", created.GetProperty("source_ids").GetProperty("dev_eui").GetString());
        Assert.Equal(-39.769108, created.GetProperty("location").GetProperty("lat").GetDouble());

        var full = (await Cli.RunAsync("pd", "get", "--properties", "--puid", $"{uid}")).Ok();
        Assert.Equal("Test device", full.GetProperty("name").GetString());
        Assert.True(full.TryGetProperty("properties", out _));
        var brief = (await Cli.RunAsync("pd", "get", "--puid", $"{uid}")).Ok();
        Assert.False(brief.TryGetProperty("properties", out _));
    }

    [Fact]
    public async Task Create_from_a_file_update_from_json_and_from_stdin_then_remove()
    {
        var file = Path.Combine(Cli.ConfigHome, "new_device.json");
        await File.WriteAllTextAsync(file, IoTaExample);
        var uid = (await Cli.RunAsync("pd", "create", "--file", file)).Ok().GetProperty("uid").GetInt64();

        var renamed = (await Cli.RunAsync("pd", "up", "--puid", $"{uid}", "--json", """{ "name": "XYZ", "last_seen": "2022-05-06T10:30+10:00" }""")).Ok();
        Assert.Equal("XYZ", renamed.GetProperty("name").GetString());
        Assert.Equal(DateTimeOffset.Parse("2022-05-06T00:30Z", System.Globalization.CultureInfo.InvariantCulture), renamed.GetProperty("last_seen").GetDateTimeOffset());
        Assert.Equal("ttn", renamed.GetProperty("source_name").GetString());

        var piped = (await Cli.RunAsync(["pd", "up", "--puid", $"{uid}", "--file", "-"], stdin: """{ "properties": { "site": "north" } }""")).Ok();
        Assert.Equal("north", piped.GetProperty("properties").GetProperty("site").GetString());
        Assert.Equal("XYZ", piped.GetProperty("name").GetString());

        Assert.Equal(uid, (await Cli.RunAsync("pd", "rm", "--puid", $"{uid}")).Ok().GetProperty("uid").GetInt64());
        (await Cli.RunAsync("pd", "get", "--puid", $"{uid}")).Failed($"No physical device with uid {uid}.");
    }

    [Fact]
    public async Task Ls_and_lum_filter_by_source_and_plain_shows_the_mapping()
    {
        var (mappedName, unmappedName) = (Unique("mapped"), Unique("unmapped"));
        var (mapped, unmapped) = (await CreatePhysicalAsync("mqtt", mappedName), await CreatePhysicalAsync("mqtt", unmappedName));
        var other = await CreatePhysicalAsync("http", Unique("other"));
        var logical = await CreateLogicalAsync(Unique("tank"));
        (await Cli.RunAsync("map", "start", "--puid", $"{mapped}", "--luid", $"{logical}")).Ok();

        var all = (await Cli.RunAsync("pd", "ls", "--source", "mqtt")).Ok().EnumerateArray().ToList();
        Assert.All(all, d => Assert.Equal("mqtt", d.GetProperty("source_name").GetString()));
        Assert.All(all, d => Assert.False(d.TryGetProperty("properties", out _)));
        Assert.Contains(all, d => d.GetProperty("uid").GetInt64() == mapped);
        Assert.Contains(all, d => d.GetProperty("uid").GetInt64() == unmapped);
        Assert.DoesNotContain(all, d => d.GetProperty("uid").GetInt64() == other);
        Assert.Contains((await Cli.RunAsync("pd", "ls", "--properties")).Ok().EnumerateArray(), d => d.GetProperty("uid").GetInt64() == other && d.TryGetProperty("properties", out _));

        var lum = (await Cli.RunAsync("pd", "lum", "--source", "mqtt")).Ok().EnumerateArray().Select(d => d.GetProperty("uid").GetInt64()).ToList();
        Assert.Contains(unmapped, lum);
        Assert.DoesNotContain(mapped, lum);

        var plain = await Cli.RunAsync("pd", "ls", "--source", "mqtt", "--plain");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(all.Count, plain.Lines.Length);
        Assert.Contains($"{mapped}\tmqtt\t{mappedName}\t--> {logical}", plain.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{unmapped}\tmqtt\t{unmappedName}", plain.Lines);
    }

    [Fact]
    public async Task Bad_input_is_bad_usage_and_unknown_uids_fail_with_a_message()
    {
        (await Cli.RunAsync("pd", "create", "--json", "{}", "--file", "x.json")).BadUsage("--json and --file are mutually exclusive", "iotctl pd create");
        (await Cli.RunAsync("pd", "create")).BadUsage("Give one of --json or --file", "iotctl pd create");
        (await Cli.RunAsync("pd", "create", "--json", "{ not json")).BadUsage("Invalid JSON in --json", "iotctl pd create");
        (await Cli.RunAsync("pd", "create", "--json", """{"colour": "red"}""")).BadUsage("Unknown device field 'colour'", "iotctl pd create");
        (await Cli.RunAsync("pd", "get")).BadUsage("--puid", "iotctl pd get --puid <uid> [--properties]");
        (await Cli.RunAsync("pd", "get", "--puid", "abc")).BadUsage("abc", "iotctl pd get");
        (await Cli.RunAsync("pd", "create", "--json", """{"name": "no source"}""")).Failed("A physical device needs a source and a name.");
        (await Cli.RunAsync("pd", "create", "--json", """{"source_name": "carrier-pigeon", "name": "x"}""")).Failed("does not exist");
        (await Cli.RunAsync("pd", "up", "--puid", "987654321", "--json", """{"name": "x"}""")).Failed("physical device");
        (await Cli.RunAsync("pd", "rm", "--puid", "987654321")).Failed("physical device");
    }
}
