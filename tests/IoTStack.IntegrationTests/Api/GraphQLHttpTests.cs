using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>GraphQL over HTTP as the spec has it, against the running Api.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class GraphQLHttpTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task GET_runs_a_named_query_with_variables()
    {
        var token = await Api.SignInAsync(Roles.Reader);
        var url = "/graphql?query=" + Uri.EscapeDataString("query Other { sources { edges { cursor } } } query One($uid: Long!) { physicalDevice(uid: $uid) { uid } }")
            + "&operationName=One&variables=" + Uri.EscapeDataString("""{"uid": 999999999}""");

        var (status, body, contentType) = await SendAsync(HttpMethod.Get, url, token, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/graphql-response+json", contentType);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("physicalDevice").ValueKind);
    }

    [Fact]
    public async Task GET_refuses_mutations_with_405()
    {
        var token = await Api.SignInAsync(Roles.Admin);

        var (status, _, _) = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { endMapping(physicalUid: 1) { isOpen } }"), token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task An_invalid_document_is_400_or_200_by_media_type(string accept, HttpStatusCode expected)
    {
        var token = await Api.SignInAsync(Roles.Reader);

        var (status, body) = await Api.PostAsync("{ sources { nonsense } }", token, accept: accept);

        Assert.Equal(expected, status);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_400_and_a_body_of_another_type_415()
    {
        var token = await Api.SignInAsync(Roles.Reader);

        var (broken, _, _) = await SendAsync(HttpMethod.Post, "/graphql", token, body: new StringContent("{\"query\":", Encoding.UTF8, "application/json"));
        var (text, _, _) = await SendAsync(HttpMethod.Post, "/graphql", token, body: new StringContent("{ sources { edges { cursor } } }", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, broken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text);
    }

    [Fact]
    public async Task An_unacceptable_Accept_header_is_406()
    {
        var token = await Api.SignInAsync(Roles.Reader);

        var (status, _) = await Api.PostAsync("{ sources { edges { cursor } } }", token, accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Theory]
    [InlineData("{ physicalDevices(first: 501) { edges { cursor } } }", "PAGE_SIZE_EXCEEDED")]
    [InlineData("{ logicalDevices { edges { node { mappingHistory { physicalDevice { mappingHistory { logicalDevice { mappingHistory { physicalDevice { mappingHistory { logicalDevice { mappingHistory { physicalUid } } } } } } } } } } } } }", "MAX_DEPTH_EXCEEDED")]
    [InlineData("{ a: physicalDevices(first: 500) { edges { node { mappingHistory { logicalDevice { mappingHistory { uid: physicalUid } } } } } } }", "MAX_COMPLEXITY_EXCEEDED")]
    public async Task Limits_are_GraphQL_errors_with_codes(string query, string code)
    {
        var token = await Api.SignInAsync(Roles.Reader);

        var (_, body) = await Api.PostAsync(query, token);

        Assert.Contains(code, ApiClient.ErrorCodes(body));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> SendAsync(
        HttpMethod method, string url, string token, string accept = "application/graphql-response+json", HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await Api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, response.Content.Headers.ContentType?.MediaType);
    }
}
