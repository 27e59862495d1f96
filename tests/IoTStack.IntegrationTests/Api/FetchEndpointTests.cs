using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>CroMFlaG2's <c>GET /fetch/{device}?from=&amp;to=</c>: its row format, and that its injection hole is closed.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class FetchEndpointTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private static readonly DateTimeOffset First = DateTimeOffset.FromUnixTimeMilliseconds(1582046738255);

    [Fact]
    public async Task Rows_carry_the_timestamp_in_ms_and_one_field_per_series()
    {
        var name = $"sample-{Guid.NewGuid():N}";
        await CreateLogicalDeviceWithPointsAsync(name,
        [
            ("humidity", First, 75.0, null), ("temperature", First, 78.0, null), ("motion", First, 0, null),
            ("humidity", First.AddSeconds(10), 66.0, null), ("temperature", First.AddSeconds(10), 82.0, null),
            ("humidity", First.AddSeconds(20), 67.0, null),
        ]);

        var rows = await FetchAsync(name, "?from=1582046738255&to=1582046758255");

        Assert.Equal(2, rows.GetArrayLength()); // "to" is exclusive, as in the original
        Assert.Equal(1582046738255, rows[0].GetProperty("timestamp").GetInt64());
        Assert.Equal(75.0, rows[0].GetProperty("humidity").GetDouble());
        Assert.Equal(78.0, rows[0].GetProperty("temperature").GetDouble());
        Assert.Equal(1582046748255, rows[1].GetProperty("timestamp").GetInt64());
        Assert.False(rows[1].TryGetProperty("motion", out _));
    }

    [Fact]
    public async Task The_device_may_be_named_by_uid_and_the_range_left_open()
    {
        var uid = await CreateLogicalDeviceWithPointsAsync($"by-uid-{Guid.NewGuid():N}", [("level", First, 1.0, null), ("level", First.AddDays(1000), 2.0, null)]);

        var rows = await FetchAsync(uid.ToString(System.Globalization.CultureInfo.InvariantCulture), "");

        Assert.Equal(2, rows.GetArrayLength());
    }

    [Theory]
    [InlineData("?from=0)%20OR%201=1%20--")]
    [InlineData("?from=0&to=1;DROP%20TABLE%20series_points")]
    [InlineData("?to=TO_TIMESTAMP_MS(1)")]
    public async Task Parameters_that_are_not_integers_are_refused_not_spliced(string query)
    {
        var token = await Api.SignInAsync(Roles.Reader);

        using var response = await GetAsync("/fetch/1" + query, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_device_name_written_as_SQL_is_only_ever_a_name()
    {
        var hostile = "x' OR '1'='1'; DROP TABLE series_points; --";
        await CreateLogicalDeviceWithPointsAsync(hostile, [("level", First, 42.0, null)]);
        await CreateLogicalDeviceWithPointsAsync($"bystander-{Guid.NewGuid():N}", [("level", First, 1.0, null)]);
        var token = await Api.SignInAsync(Roles.Reader);

        var rows = await FetchAsync(hostile, "");
        using var notThere = await GetAsync("/fetch/" + Uri.EscapeDataString("nobody' OR '1'='1"), token);

        Assert.Equal(42.0, Assert.Single(rows.EnumerateArray()).GetProperty("level").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, notThere.StatusCode);
        await using var stillThere = Database.CreateCommand("SELECT count(*) > 0 FROM series_points");
        Assert.True((bool)(await stillThere.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Fetching_needs_credentials()
    {
        using var response = await Api.Http.GetAsync(new Uri("/fetch/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonElement> FetchAsync(string device, string query)
    {
        var token = await Api.SignInAsync(Roles.Reader);
        using var response = await GetAsync("/fetch/" + Uri.EscapeDataString(device) + query, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<HttpResponseMessage> GetAsync(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Api.Http.SendAsync(request);
    }
}
