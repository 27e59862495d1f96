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
        using var response = await SendSignedInAsync(request, cancellationToken);
        var body = Parse(await response.Content.ReadAsStringAsync(cancellationToken), response.StatusCode);
        if (FirstError(body) is { } error)
        {
            throw new ApiException(error);
        }

        return body["data"] as JsonObject ?? throw new ApiException($"The Api answered {(int)response.StatusCode} without data.");
    }

    /// <summary>Sends with the bearer token (GraphQL, or a plain endpoint such as the report CSV); a 401 means the login is gone.</summary>
    internal async Task<HttpResponseMessage> SendSignedInAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ApiException($"Not logged in, or the login expired or was revoked ({FirstError(text) ?? "401"}). Run 'iotctl login'.");
        }
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
