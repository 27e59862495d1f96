using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IoTStack.Api.Auth;
using IoTStack.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IoTStack.IntegrationTests.Api;

/// <summary>GraphiQL at <c>GET /graphql</c> for browsers, every asset from the Api itself (no CDN).</summary>
[Collection(IoTStackFixture.Collection)]
public sealed partial class GraphQLIdeTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_gets_the_IDE_page_and_every_asset_it_references_from_the_Api_itself()
    {
        var (status, type, html) = await GetAsync("/graphql", BrowserAccept);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (status, type));

        var assets = AssetReference().Matches(html).Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(6, assets.Count);
        foreach (var asset in assets)
        {
            Assert.StartsWith("/graphql/ide/", asset, StringComparison.Ordinal);
            var (assetStatus, assetType, body) = await GetAsync(asset, "*/*");
            Assert.Equal(HttpStatusCode.OK, assetStatus);
            Assert.Equal(asset.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", assetType);
            Assert.NotEmpty(body);
        }
    }

    [Fact]
    public async Task A_GraphQL_client_asking_for_JSON_or_sending_a_query_never_gets_the_page()
    {
        var token = await Api.SignInAsync(Roles.Reader);

        var (withQuery, withQueryType, body) = await GetAsync("/graphql?query=" + Uri.EscapeDataString("{ sources { edges { cursor } } }"), BrowserAccept, token);
        var (asJson, asJsonType, _) = await GetAsync("/graphql", "application/graphql-response+json", token);

        Assert.Equal(HttpStatusCode.OK, withQuery);
        Assert.NotEqual("text/html", withQueryType);
        Assert.Contains("\"sources\"", body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (asJson, asJsonType));
    }

    [Fact]
    public async Task The_IDE_renders_in_a_browser_and_runs_a_query_signed_with_the_token_from_its_Headers_tab()
    {
        var token = await Api.SignInAsync(Roles.Reader);
        var origin = Api.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        // What a user would have typed into the Headers and query editors before (GraphiQL keeps both in local storage).
        var headers = JsonSerializer.Serialize(JsonSerializer.Serialize(new Dictionary<string, string> { ["Authorization"] = "Bearer " + token }));
        await page.AddInitScriptAsync(
            $"localStorage.setItem('graphiql:headers', {headers}); localStorage.setItem('graphiql:query', '{{ sources {{ edges {{ node {{ name }} }} }} }}');");

        var introspection = page.WaitForResponseAsync(response => response.Request.PostData?.Contains("__schema", StringComparison.Ordinal) == true);
        await page.GotoAsync(origin + "/graphql");
        await page.Locator(".graphiql-execute-button").ClickAsync();

        await Expect(page.Locator(".graphiql-response")).ToContainTextAsync("\"ttn\"");
        var schema = await (await introspection).JsonAsync();
        Assert.False(schema!.Value.TryGetProperty("errors", out var errors), $"GraphiQL could not load the schema (no docs, no completion): {errors}");
        Assert.Empty(elsewhere);
    }

    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> GetAsync(string path, string accept, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Api.Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex AssetReference();
}
