using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IoTStack.Simulator;

/// <summary>
/// The Api as a client sees it: a bearer token from <c>GET /api/token</c> (HTTP Basic credentials of a user, e.g. the
/// first admin the AppHost seeds), then GraphQL documents posted to <c>/graphql</c> with that token.
/// </summary>
public sealed class ApiSession(HttpClient http, string token)
{
    public static async Task<ApiSession> SignInAsync(HttpClient http, string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Signing in to {http.BaseAddress} as '{user}' failed: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return new ApiSession(http, await response.Content.ReadFromJsonAsync<string>(cancellationToken)
            ?? throw new InvalidOperationException("The Api answered GET /api/token without a token."));
    }

    /// <summary>Posts a document that must succeed as a whole and returns its <c>data</c>.</summary>
    public async Task<JsonElement> ExecuteAsync(string document, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query = document }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        if (!response.IsSuccessStatusCode || body.ValueKind != JsonValueKind.Object || body.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"GraphQL request failed: HTTP {(int)response.StatusCode} {text}");
        }

        return body.GetProperty("data");
    }
}
