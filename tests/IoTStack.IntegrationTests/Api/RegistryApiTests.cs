using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>Devices and mappings through GraphQL: IoTa's pd, ld and map commands.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class RegistryApiTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_physical_device_is_created_updated_in_part_listed_and_deleted()
    {
        var token = await Api.SignInAsync(Roles.Operator);
        var created = (await Api.DataAsync(
            """mutation($input: PhysicalDeviceInput!) { createPhysicalDevice(input: $input) { uid name source location { lat long } sourceIds } }""",
            token,
            new { input = new { source = "ttn", name = "Test device", location = new { lat = -39.769108, @long = 147.920245 }, sourceIds = """{"dev_eui":"0011"}""" } }))
            .GetProperty("createPhysicalDevice");
        var uid = created.GetProperty("uid").GetInt64();
        Assert.Equal(147.920245, created.GetProperty("location").GetProperty("long").GetDouble());

        var updated = (await Api.DataAsync(
            "mutation($uid: Long!) { updatePhysicalDevice(uid: $uid, input: { name: \"XYZ\", lastSeen: \"2022-05-06T10:30:00+10:00\" }) { name lastSeen location { lat } sourceIds } }",
            token, new { uid })).GetProperty("updatePhysicalDevice");
        Assert.Equal("XYZ", updated.GetProperty("name").GetString());
        Assert.Equal(-39.769108, updated.GetProperty("location").GetProperty("lat").GetDouble()); // untouched fields stay
        Assert.Contains("dev_eui", updated.GetProperty("sourceIds").GetString(), StringComparison.Ordinal);

        var unmapped = await Api.DataAsync("{ unmappedPhysicalDevices(source: \"ttn\", first: 500) { edges { node { uid } } } }", token);
        Assert.Contains(unmapped.GetProperty("unmappedPhysicalDevices").GetProperty("edges").EnumerateArray(), edge => edge.GetProperty("node").GetProperty("uid").GetInt64() == uid);

        await Api.DataAsync("mutation($uid: Long!) { deletePhysicalDevice(uid: $uid) { uid } }", token, new { uid });
        var gone = await Api.DataAsync("query($uid: Long!) { physicalDevice(uid: $uid) { uid } }", token, new { uid });
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("physicalDevice").ValueKind);
    }

    [Fact]
    public async Task A_device_replacement_keeps_the_logical_device_and_its_history()
    {
        var token = await Api.SignInAsync(Roles.Operator);
        var first = await CreatePhysicalAsync(token, "old sensor");
        var second = await CreatePhysicalAsync(token, "new sensor");

        var logical = (await Api.DataAsync(
            "mutation($p: Long!) { createLogicalDeviceFromPhysical(physicalUid: $p) { uid name currentPhysicalDevice { uid } } }", token, new { p = first }))
            .GetProperty("createLogicalDeviceFromPhysical");
        var logicalUid = logical.GetProperty("uid").GetInt64();
        Assert.Equal("old sensor", logical.GetProperty("name").GetString());
        Assert.Equal(first, logical.GetProperty("currentPhysicalDevice").GetProperty("uid").GetInt64());

        await Api.DataAsync("mutation($p: Long!, $l: Long!) { mapDevices(physicalUid: $p, logicalUid: $l) { isOpen } }", token, new { p = second, l = logicalUid });

        var history = (await Api.DataAsync("query($l: Long!) { mappingHistory(logicalUid: $l) { edges { node { physicalUid isOpen } } } }", token, new { l = logicalUid }))
            .GetProperty("mappingHistory").GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node"))
            .Select(m => (m.GetProperty("physicalUid").GetInt64(), m.GetProperty("isOpen").GetBoolean())).ToList();
        Assert.Equal([(second, true), (first, false)], history);

        var ended = await Api.DataAsync("mutation($l: Long!) { endMapping(logicalUid: $l) { physicalUid isOpen } }", token, new { l = logicalUid });
        Assert.False(ended.GetProperty("endMapping").GetProperty("isOpen").GetBoolean());
        var none = await Api.DataAsync("mutation($l: Long!) { endMapping(logicalUid: $l) { isOpen } }", token, new { l = logicalUid });
        Assert.Equal(JsonValueKind.Null, none.GetProperty("endMapping").ValueKind);
    }

    [Fact]
    public async Task Lists_are_relay_connections_that_page_with_cursors()
    {
        var token = await Api.SignInAsync(Roles.Operator);
        var source = "ydoc";
        for (var i = 0; i < 3; i++)
        {
            await CreatePhysicalAsync(token, $"page-{i}", source);
        }

        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = (await Api.DataAsync(
                "query($after: String) { physicalDevices(source: \"ydoc\", first: 2, after: $after) { edges { cursor node { uid } } pageInfo { hasNextPage endCursor } } }",
                token, new { after })).GetProperty("physicalDevices");
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node").GetProperty("uid").GetInt64()));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.True(seen.Count >= 3);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
    }

    [Fact]
    public async Task Bad_input_is_BAD_USER_INPUT_and_missing_devices_NOT_FOUND()
    {
        var token = await Api.SignInAsync(Roles.Operator);

        var (_, unknownSource) = await Api.PostAsync("""mutation { createPhysicalDevice(input: { source: "carrier-pigeon", name: "x" }) { uid } }""", token);
        var (_, badJson) = await Api.PostAsync("""mutation { createLogicalDevice(input: { name: "x", properties: "[1" }) { uid } }""", token);
        var (_, missing) = await Api.PostAsync("mutation { mapDevices(physicalUid: 987654321, logicalUid: 987654321) { isOpen } }", token);

        Assert.Equal(["BAD_USER_INPUT"], ApiClient.ErrorCodes(unknownSource));
        Assert.Equal(["BAD_USER_INPUT"], ApiClient.ErrorCodes(badJson));
        Assert.Equal(["NOT_FOUND"], ApiClient.ErrorCodes(missing));
    }

    private async Task<long> CreatePhysicalAsync(string token, string name, string source = "ttn") =>
        (await Api.DataAsync("mutation($s: String!, $n: String!) { createPhysicalDevice(input: { source: $s, name: $n }) { uid } }", token, new { s = source, n = name }))
            .GetProperty("createPhysicalDevice").GetProperty("uid").GetInt64();
}
