using System.Net;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>
/// <c>sources</c>, <c>mappingHistory</c>, <c>rawMessages</c> page as Relay connections on their unique keys (dead letters:
/// <see cref="DeadLetterApiTests"/>, report definitions and rule documents: <see cref="ManagementConnectionPagingTests"/>): pages join up to the whole list with nothing twice, the last
/// page says so, and a cursor still means "after this row" when rows are added before it.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class ConnectionPagingTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private const string PageFields = ConnectionPages.PageInfoFields;

    [Fact]
    public async Task Sources_page_by_name_and_a_cursor_survives_a_source_added_before_it()
    {
        var token = await Api.SignInAsync(Roles.Reader);
        const string Query = $"query($first: Int!, $after: String) {{ sources(first: $first, after: $after) {{ edges {{ cursor node {{ name }} }} {PageFields} }} }}";
        var firstPage = (await Api.DataAsync(Query, token, new { first = 2 })).GetProperty("sources");
        var before = await QueryAsync<string>("SELECT name FROM sources ORDER BY name");
        var added = "0-added-" + Guid.NewGuid().ToString("N");
        await ExecuteAsync("INSERT INTO sources (name) VALUES ($1)", added);

        var rest = await Api.PagesAsync(Query, "sources", token, first: 2, after: EndCursor(firstPage));

        await ExecuteAsync("DELETE FROM sources WHERE name = $1", added);
        ConnectionPages.AssertPaged([firstPage, .. rest], pageSize: 2);
        Assert.Equal(before, ConnectionPages.Nodes([firstPage, .. rest]).Select(node => node.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_mapping_history_pages_newest_first_even_when_mappings_start_at_the_same_instant()
    {
        var token = await Api.SignInAsync(Roles.Operator);
        var logical = await QueryAsync<long>("INSERT INTO logical_devices (name) VALUES ('paged history') RETURNING uid");
        var physical = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            physical.AddRange(await QueryAsync<long>("INSERT INTO physical_devices (source, name) VALUES ('ttn', 'paged history') RETURNING uid"));
        }

        // Closed mappings starting at one instant: only the key's second part (the physical uid) orders them.
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var uid in physical)
        {
            await ExecuteAsync("INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time, end_time) VALUES ($1, $2, $3, $3)", uid, logical[0], start);
        }

        var pages = await Api.PagesAsync(
            $"query($first: Int!, $after: String, $l: Long) {{ mappingHistory(logicalUid: $l, first: $first, after: $after) {{ edges {{ cursor node {{ physicalUid }} }} {PageFields} }} }}",
            "mappingHistory", token, first: 2, variables: new { l = logical[0] });

        ConnectionPages.AssertPaged(pages, pageSize: 2);
        Assert.Equal(physical.OrderDescending(), ConnectionPages.Nodes(pages).Select(node => node.GetProperty("physicalUid").GetInt64()));
    }

    [Fact]
    public async Task Raw_messages_page_newest_first_within_their_time_range()
    {
        var token = await Api.SignInAsync(Roles.Reader);
        var physicalUid = Random.Shared.NextInt64(1L << 40, 1L << 50); // raw messages need no registered device
        var newest = DateTimeOffset.UtcNow.AddMinutes(-5);
        var received = new[] { newest, newest.AddSeconds(-1), newest.AddSeconds(-1), newest.AddSeconds(-1), newest.AddSeconds(-2) };
        foreach (var at in received)
        {
            await ExecuteAsync(
                "INSERT INTO raw_messages (correlation_id, received_at, source, physical_uid, payload, status) VALUES ($1, $2, 'http', $3, '\\x7b7d', 'accepted')",
                Guid.NewGuid(), at, physicalUid);
        }

        const string Query = $"query($first: Int!, $after: String, $p: Long, $from: DateTimeOffset) {{ rawMessages(physicalUid: $p, from: $from, first: $first, after: $after) "
            + $"{{ edges {{ cursor node {{ correlationId receivedAt }} }} {PageFields} }} }}";
        var all = await Api.PagesAsync(Query, "rawMessages", token, first: 2, variables: new { p = physicalUid });
        var sinceSecondNewest = await Api.PagesAsync(Query, "rawMessages", token, first: 2, variables: new { p = physicalUid, from = newest.AddSeconds(-1) });

        ConnectionPages.AssertPaged(all, pageSize: 2);
        var expected = await QueryAsync<Guid>("SELECT correlation_id FROM raw_messages WHERE physical_uid = $1 ORDER BY received_at DESC, correlation_id DESC", physicalUid);
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, ConnectionPages.Nodes(all).Select(node => node.GetProperty("correlationId").GetGuid()));
        Assert.Equal(expected.Take(4), ConnectionPages.Nodes(sinceSecondNewest).Select(node => node.GetProperty("correlationId").GetGuid()));
    }

    [Theory]
    [InlineData("{ sources(first: 501) { edges { cursor } } }")]
    [InlineData("{ mappingHistory(physicalUid: 1, first: 501) { edges { cursor } } }")]
    [InlineData("{ rawMessages(physicalUid: 1, first: 501) { edges { cursor } } }")]
    [InlineData("{ deadLetters(first: 501) { edges { cursor } } }")]
    [InlineData("{ reportDefinitions(first: 501) { edges { cursor } } }")]
    [InlineData("{ ruleDocuments(first: 501) { edges { cursor } } }")]
    public async Task A_page_over_the_maximum_is_PAGE_SIZE_EXCEEDED(string query)
    {
        var token = await Api.SignInAsync(Roles.Operator);

        var (status, body) = await Api.PostAsync(query, token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["PAGE_SIZE_EXCEEDED"], ApiClient.ErrorCodes(body));
    }

    private static string? EndCursor(JsonElement page) => page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
}
