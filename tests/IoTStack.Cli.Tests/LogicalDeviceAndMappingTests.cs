using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary>broker-cli's <c>ld</c> and <c>map</c> examples, run as <c>iotctl ld</c> and <c>iotctl map</c>.</summary>
public sealed class LogicalDeviceAndMappingTests(IoTStackFixture fixture) : CliTestBase(fixture)
{
    [Fact]
    public async Task Create_get_ls_update_and_remove_a_logical_device()
    {
        var created = (await Cli.RunAsync("ld", "create", "--json", """{ "name": "Test device", "location": { "lat": -39.769108, "long": 147.920245 } }""")).Ok();
        var uid = created.GetProperty("uid").GetInt64();
        Assert.Equal(147.920245, created.GetProperty("location").GetProperty("long").GetDouble());

        Assert.Equal("Test device", (await Cli.RunAsync("ld", "get", "--properties", "--luid", $"{uid}")).Ok().GetProperty("name").GetString());
        Assert.Contains((await Cli.RunAsync("ld", "ls")).Ok().EnumerateArray(), device => device.GetProperty("uid").GetInt64() == uid);
        Assert.Contains($"{uid}\tTest device", (await Cli.RunAsync("ld", "ls", "--plain")).Lines);

        var updated = (await Cli.RunAsync(["ld", "up", "--luid", $"{uid}", "--file", "-"], stdin: """{ "name": "XYZ", "last_seen": "2022-05-06T10:30+10:00" }""")).Ok();
        Assert.Equal("XYZ", updated.GetProperty("name").GetString());

        (await Cli.RunAsync("ld", "rm", "--luid", $"{uid}")).Ok();
        (await Cli.RunAsync("ld", "get", "--luid", $"{uid}")).Failed($"No logical device with uid {uid}.");
        (await Cli.RunAsync("ld", "up", "--luid", $"{uid}", "--json", """{"name": "x"}""")).Failed("logical device");
    }

    [Fact]
    public async Task Create_from_a_physical_device_names_it_after_the_device_and_maps_it()
    {
        var name = Unique("buoy");
        var puid = await CreatePhysicalAsync("mqtt", name);

        var logical = (await Cli.RunAsync("ld", "create", "--from-puid", $"{puid}")).Ok();
        Assert.Equal(name, logical.GetProperty("name").GetString());
        Assert.Equal(puid, logical.GetProperty("mapped_from").GetProperty("uid").GetInt64());

        (await Cli.RunAsync("ld", "create", "--from-puid", "987654321")).Failed("physical device");
        (await Cli.RunAsync("ld", "create", "--from-puid", $"{puid}", "--json", "{}")).BadUsage("mutually exclusive", "iotctl ld create");
    }

    [Fact]
    public async Task Start_ls_and_end_mappings_as_IoTa_describes()
    {
        var (puid, replacement) = (await CreatePhysicalAsync("ttn", Unique("old")), await CreatePhysicalAsync("ttn", Unique("new")));
        var luid = await CreateLogicalAsync(Unique("tank"));

        var started = (await Cli.RunAsync("map", "start", "--puid", $"{puid}", "--luid", $"{luid}")).Ok();
        Assert.True(started.GetProperty("isOpen").GetBoolean());

        // The field device is replaced: mapping the new one ends the old one's mapping.
        (await Cli.RunAsync("map", "start", "--puid", $"{replacement}", "--luid", $"{luid}")).Ok();
        var history = (await Cli.RunAsync("map", "ls", "--luid", $"{luid}")).Ok().EnumerateArray().ToList();
        Assert.Equal([replacement, puid], history.Select(m => m.GetProperty("physicalUid").GetInt64()));
        Assert.Equal([true, false], history.Select(m => m.GetProperty("isOpen").GetBoolean()));
        Assert.False(Assert.Single((await Cli.RunAsync("map", "ls", "--puid", $"{puid}")).Ok().EnumerateArray()).GetProperty("isOpen").GetBoolean());
        Assert.Equal(2, (await Cli.RunAsync("map", "ls", "--luid", $"{luid}", "--plain")).Lines.Length);

        var ended = (await Cli.RunAsync("map", "end", "--puid", $"{replacement}")).Ok();
        Assert.False(ended.GetProperty("isOpen").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Cli.RunAsync("map", "end", "--luid", $"{luid}")).Ok().ValueKind);
    }

    [Fact]
    public async Task Mapping_errors()
    {
        (await Cli.RunAsync("map", "ls", "--puid", "1", "--luid", "2")).BadUsage("--puid and --luid are mutually exclusive", "iotctl map ls");
        (await Cli.RunAsync("map", "end")).BadUsage("Give one of --puid or --luid", "iotctl map end");
        (await Cli.RunAsync("map", "start", "--puid", "1")).BadUsage("--luid", "iotctl map start --puid <uid> --luid <uid>");
        var luid = await CreateLogicalAsync(Unique("tank"));
        (await Cli.RunAsync("map", "start", "--puid", "987654321", "--luid", $"{luid}")).Failed("physical device");
    }
}
