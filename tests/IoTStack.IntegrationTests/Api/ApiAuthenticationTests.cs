using System.Net;
using System.Net.Http.Headers;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>IoTa's token flow and the HTTP-level answers to missing, wrong and revoked credentials.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class ApiAuthenticationTests(IoTStackFixture fixture) : ApiTestBase(fixture)
{
    private const string Sources = "{ sources { edges { node { name } } } }";

    [Fact]
    public async Task Basic_credentials_buy_a_bearer_token_that_answers_queries()
    {
        var token = await Api.SignInAsync(Roles.Reader);

        var data = await Api.DataAsync(Sources, token);

        Assert.Contains(data.GetProperty("sources").GetProperty("edges").EnumerateArray(), edge => edge.GetProperty("node").GetProperty("name").GetString() == "ttn");
    }

    [Fact]
    public async Task The_first_admin_comes_from_the_AppHost_generated_password_never_a_default_one()
    {
        await using var command = Database.CreateCommand("SELECT role FROM users WHERE username = 'admin'");

        Assert.Equal(Roles.Admin, await command.ExecuteScalarAsync());
        Assert.Null(await Api.TokenAsync("admin", "admin"));
        Assert.Null(await Api.TokenAsync("admin", "password"));
    }

    [Fact]
    public async Task A_wrong_password_gets_401_and_a_disabled_token_403()
    {
        var admin = await Api.SignInAsync(Roles.Admin);
        var username = $"dora-{Guid.NewGuid():N}";
        await Api.DataAsync($$"""mutation { addUser(username: "{{username}}", password: "{{ApiClient.Password}}", role: "reader", tokenDisabled: true) { username } }""", admin);

        Assert.Null(await Api.TokenAsync(username, "not-the-password"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{username}:{ApiClient.Password}")));
        using var response = await Api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        await Api.DataAsync($$"""mutation { enableUserToken(username: "{{username}}") { tokenEnabled } }""", admin);
        Assert.NotNull(await Api.TokenAsync(username, ApiClient.Password));
    }

    [Fact]
    public async Task A_refreshed_or_disabled_token_stops_working_at_once()
    {
        var admin = await Api.SignInAsync(Roles.Admin);
        var username = $"rex-{Guid.NewGuid():N}";
        await Api.DataAsync($$"""mutation { addUser(username: "{{username}}", password: "{{ApiClient.Password}}", role: "reader") { username } }""", admin);
        var token = (await Api.TokenAsync(username, ApiClient.Password))!;
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(Sources, token)).Status);

        await Api.DataAsync($$"""mutation { refreshUserToken(username: "{{username}}") { username } }""", admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostAsync(Sources, token)).Status);

        var fresh = (await Api.TokenAsync(username, ApiClient.Password))!;
        await Api.DataAsync($$"""mutation { disableUserToken(username: "{{username}}") { tokenEnabled } }""", admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostAsync(Sources, fresh)).Status);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiIsImdlbiI6IjEifQ.c2lnbmVkLXdpdGgtdGhlLXdyb25nLWtleQ")]
    public async Task An_invalid_bearer_token_is_401_at_the_HTTP_level(string token)
    {
        var (status, _) = await Api.PostAsync(Sources, token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task No_token_is_401_with_an_UNAUTHENTICATED_error()
    {
        var (status, body) = await Api.PostAsync(Sources, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(["UNAUTHENTICATED"], ApiClient.ErrorCodes(body));
    }

    [Fact]
    public async Task The_wrong_role_is_403_with_a_FORBIDDEN_error()
    {
        var reader = await Api.SignInAsync(Roles.Reader);

        var (status, body) = await Api.PostAsync("""mutation { createLogicalDevice(input: { name: "nope" }) { uid } }""", reader);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(["FORBIDDEN"], ApiClient.ErrorCodes(body));
    }

    [Fact]
    public async Task Users_are_listed_for_admins_without_their_password_hashes()
    {
        var admin = await Api.SignInAsync(Roles.Admin);

        var (_, body) = await Api.PostAsync("{ users { edges { node { username role tokenEnabled } } } }", admin);

        Assert.NotEmpty(body.GetProperty("data").GetProperty("users").GetProperty("edges").EnumerateArray());
        Assert.DoesNotContain("AQAAAA", body.ToString(), StringComparison.Ordinal); // Identity's hash format prefix
    }
}
