using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IoTStack.Benchmark;

/// <summary>
/// A GraphQL client of the Api's real HTTP endpoint, signed in as a reader: the admin (whose password the AppHost
/// generated) creates a reader user through <c>addUser</c>, and the reader gets its token from <c>GET /api/token</c>.
/// </summary>
public sealed class ApiReader(HttpClient http, string token) : IDisposable
{
    public static async Task<ApiReader> SignInAsync(HttpClient http, string adminUser, string adminPassword, CancellationToken cancellationToken)
    {
        var admin = await TokenAsync(http, adminUser, adminPassword, cancellationToken);
        var reader = $"bench-reader-{Guid.NewGuid():N}"[..24];
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        await new ApiReader(http, admin).DataAsync(
            "mutation($u: String!, $p: String!) { addUser(username: $u, password: $p, role: \"reader\") { username } }",
            new { u = reader, p = password }, cancellationToken);
        return new ApiReader(http, await TokenAsync(http, reader, password, cancellationToken));
    }

    /// <summary>Posts a query and returns its <c>data</c>; GraphQL errors and HTTP failures throw.</summary>
    public async Task<JsonElement> DataAsync(string query, object variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || document.RootElement.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {body}");
        }

        return document.RootElement.GetProperty("data").Clone();
    }

    private static async Task<string> TokenAsync(HttpClient http, string user, string password, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<string>(cancellationToken) ?? throw new InvalidOperationException("No token.");
    }

    public void Dispose() => http.Dispose();
}
