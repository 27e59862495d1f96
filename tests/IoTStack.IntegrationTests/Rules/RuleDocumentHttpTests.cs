using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IoTStack.Api.Auth;
using IoTStack.IntegrationTests.Api;
using IoTStack.Rules.Tests;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>
/// The seed's HTTP shape (<c>/api/v1/fr</c>) on the stack's Api, behind the operator role. Documents saved through
/// it reach Ingest like any other.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class RuleDocumentHttpTests(IoTStackFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly RulesKit _kit = new(fixture.Stack);
    private readonly string _name = "http-" + Guid.NewGuid().ToString("N");
    private ApiClient? _api;
    private string? _operator;

    private string Path => $"/api/v1/fr?name={_name}";

    public async Task InitializeAsync()
    {
        _api = new ApiClient(fixture.Stack.CreateHttpClient("api"), _kit.Database);
        _operator = await _api.SignInAsync(Roles.Operator);
    }

    [Fact]
    public async Task Post_then_get_returns_the_document_and_Ingest_applies_it()
    {
        var sensors = await _kit.DeviceAsync(publish: ["house/+"], subscribe: []);
        var team = await _kit.DeviceAsync(publish: [], subscribe: ["house/+/alert/"]);
        using var publisher = await _kit.ConnectAsync(sensors);
        using var subscriber = await _kit.SubscriberAsync(team, 0, "house/+/alert/");

        using var posted = await SendAsync(HttpMethod.Post, _operator, SeedDocuments.Houses);
        using var got = await SendAsync(HttpMethod.Get, _operator);
        await _kit.AwaitDocumentsLoadedAsync(publisher, subscriber);
        await RulesKit.PublishAsync(publisher, "house/9", """{"h_id":9,"inside":{"temperature":46,"humidity":10},"temperature":8,"wind_speed":3}""");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SeedDocuments.Houses), JsonNode.Parse(await got.Content.ReadAsStringAsync())));
        Assert.Equal([("house/9/alert/", "fire_danger")], await _kit.OutputsSoFarAsync(publisher, subscriber));
    }

    [Fact]
    public async Task An_invalid_document_is_refused_with_problem_details_naming_the_place_and_nothing_is_saved()
    {
        using var response = await SendAsync(HttpMethod.Post, _operator,
            """{"filters": [{"topic": "house/#", "subtopic": "alert/", "statements": [{"condition": "$inside.temperature <", "new_payload": ""}]}], "rules": []}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("filter 1 (house/#), statement 1, condition column 22: expected a variable or a value but found the end of the condition",
            problem.GetProperty("errors")[0].GetString());
        Assert.Null(await _kit.Documents.GetAsync(_name, CancellationToken.None));
    }

    [Fact]
    public async Task Patch_replaces_the_parts_it_names_and_delete_removes_the_document()
    {
        using var posted = await SendAsync(HttpMethod.Post, _operator, SeedDocuments.Houses);
        using var patched = await SendAsync(HttpMethod.Patch, _operator, SeedDocuments.Miners.Replace("\"filters\": [],", string.Empty, StringComparison.Ordinal));
        var merged = JsonNode.Parse(await patched.Content.ReadAsStringAsync())!;
        using var deleted = await SendAsync(HttpMethod.Delete, _operator);
        using var deletedAgain = await SendAsync(HttpMethod.Delete, _operator);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("house/#", merged["filters"]![0]!["topic"]!.GetValue<string>());
        Assert.Equal(3, merged["rules"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Readers_get_403_and_callers_without_a_token_401_as_problem_details(string method)
    {
        var reader = await _api!.SignInAsync(Roles.Reader);
        var body = method is "POST" or "PATCH" ? SeedDocuments.Houses : null;

        using var forbidden = await SendAsync(new HttpMethod(method), reader, body);
        using var anonymous = await SendAsync(new HttpMethod(method), token: null, body);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Roles.Operator, (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Null(await _kit.Documents.GetAsync(_name, CancellationToken.None));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, Path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _api!.Http.SendAsync(request);
    }

    public Task DisposeAsync() => _kit.Documents.DeleteAsync(_name, CancellationToken.None);

    // xunit calls DisposeAsync first.
    public void Dispose()
    {
        _api?.Dispose();
        _kit.Dispose();
    }
}
