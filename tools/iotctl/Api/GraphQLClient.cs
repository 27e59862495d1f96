using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTStack.Cli.Api;

/// <summary>
/// A small GraphQL-over-HTTP client: POST /graphql with query and variables, the bearer token, and the API's first
/// error message turned into an <see cref="ApiException"/>. Hand-written because no GraphQL client package is served.
/// </summary>
public sealed class GraphQLClient(HttpClient http, string token)
{
    /// <summary>Runs the operation and returns its <c>data</c> object.</summary>
    public async Task<JsonObject> SendAsync(string query, object? variables = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new ApiException($"Not logged in, or the login expired or was revoked ({FirstError(text) ?? "401"}). Run 'iotctl login'.");
        }

        var body = Parse(text, response.StatusCode);
        if (FirstError(body) is { } error)
        {
            throw new ApiException(error);
        }

        return body["data"] as JsonObject ?? throw new ApiException($"The Api answered {(int)response.StatusCode} without data.");
    }

    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ApiException($"Cannot reach the Api at {http.BaseAddress}: {exception.Message}");
        }
    }

    private static JsonObject Parse(string text, HttpStatusCode status)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new ApiException($"The Api answered {(int)status} with something other than a GraphQL response.");
        }
    }

    private static string? FirstError(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject body ? FirstError(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FirstError(JsonObject body) =>
        body["errors"] is JsonArray { Count: > 0 } errors ? errors[0]?["message"]?.GetValue<string>() : null;
}
