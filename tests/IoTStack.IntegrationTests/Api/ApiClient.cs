using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IoTStack.Api.Auth;
using Npgsql;

namespace IoTStack.IntegrationTests.Api;

/// <summary>
/// Talks to the Api like a client does: signs in through <c>GET /api/token</c> with users it creates in the
/// stack's database (the AppHost's generated admin password is not the tests' business), and posts GraphQL.
/// </summary>
public sealed class ApiClient(HttpClient http, NpgsqlDataSource database) : IDisposable
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Password = "integration-password";

    public HttpClient Http => http;

    public NpgsqlDataSource Database => database;

    /// <summary>Creates a user with the role and returns a bearer token for it.</summary>
    public async Task<string> SignInAsync(string role)
    {
        var username = $"{role}-{Guid.NewGuid():N}";
        await new UserStore(database, new UserPasswords()).AddAsync(username, Password, role, tokenEnabled: true, CancellationToken.None);
        return await TokenAsync(username, Password) ?? throw new InvalidOperationException("Sign-in failed.");
    }

    public async Task<string?> TokenAsync(string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{username}:{password}")));
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<string>() : null;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        string query, string? token, object? variables = null, string accept = GraphQLResponse, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts a query that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, string token, object? variables = null)
    {
        var (status, body) = await PostAsync(query, token, variables);
        Assert.True(status == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), $"{status}: {body}");
        return body.GetProperty("data");
    }

    public static IReadOnlyList<string?> ErrorCodes(JsonElement body) =>
        body.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(error => error.GetProperty("extensions").GetProperty("code").GetString())]
            : [];

    public void Dispose() => http.Dispose();
}
