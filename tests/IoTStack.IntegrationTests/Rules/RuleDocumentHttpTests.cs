using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IoTStack.Rules.Persistence;
using IoTStack.Rules.Tests;
using IoTStack.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>
/// The seed's HTTP shape (<c>/api/v1/fr</c>), as <c>MapRuleDocumentApi</c> serves it, on the harness's PostgreSQL:
/// hosted here on a free port until the Api (its home, behind the operator role) maps it. Documents saved through
/// it reach Ingest like any other.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class RuleDocumentHttpTests(IoTStackFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly RulesKit _kit = new(fixture.Stack);
    private readonly string _name = "http-" + Guid.NewGuid().ToString("N");
    private WebApplication? _app;
    private HttpClient? _http;

    private HttpClient Http => _http!;

    private string Path => $"/api/v1/fr?name={_name}";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(NpgsqlDataSource.Create(await fixture.Stack.GetConnectionStringAsync("iotdb")));
        builder.Services.AddProblemDetails();
        builder.AddRuleDocumentStore();
        _app = builder.Build();
        _app.MapRuleDocumentApi();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [Fact]
    public async Task Post_then_get_returns_the_document_and_Ingest_applies_it()
    {
        var sensors = await _kit.DeviceAsync(publish: ["house/+"], subscribe: []);
        var team = await _kit.DeviceAsync(publish: [], subscribe: ["house/+/alert/"]);
        using var publisher = await _kit.ConnectAsync(sensors);
        using var subscriber = await _kit.SubscriberAsync(team, 0, "house/+/alert/");

        using var posted = await Http.PostAsync(Path, Json(SeedDocuments.Houses));
        using var got = await Http.GetAsync(Path);
        await _kit.AwaitDocumentsLoadedAsync(publisher, subscriber);
        await RulesKit.PublishAsync(publisher, "house/9", """{"h_id":9,"inside":{"temperature":46,"humidity":10},"temperature":8,"wind_speed":3}""");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SeedDocuments.Houses), JsonNode.Parse(await got.Content.ReadAsStringAsync())));
        Assert.Equal([("house/9/alert/", "fire_danger")], await _kit.OutputsSoFarAsync(publisher, subscriber));
    }

    [Fact]
    public async Task An_invalid_document_is_refused_with_problem_details_naming_the_place_and_nothing_is_saved()
    {
        using var response = await Http.PostAsync(Path, Json("""{"filters": [{"topic": "house/#", "subtopic": "alert/", "statements": [{"condition": "$inside.temperature <", "new_payload": ""}]}], "rules": []}"""));

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
        using var posted = await Http.PostAsync(Path, Json(SeedDocuments.Houses));
        using var patched = await Http.PatchAsync(Path, Json(SeedDocuments.Miners.Replace("\"filters\": [],", string.Empty, StringComparison.Ordinal)));
        var merged = JsonNode.Parse(await patched.Content.ReadAsStringAsync())!;
        using var deleted = await Http.DeleteAsync(Path);
        using var deletedAgain = await Http.DeleteAsync(Path);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("house/#", merged["filters"]![0]!["topic"]!.GetValue<string>());
        Assert.Equal(3, merged["rules"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public async Task DisposeAsync()
    {
        await _kit.Documents.DeleteAsync(_name, CancellationToken.None);
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // xunit calls DisposeAsync first.
    public void Dispose()
    {
        _http?.Dispose();
        _kit.Dispose();
    }
}
