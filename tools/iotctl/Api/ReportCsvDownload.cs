using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTStack.Cli.Api;

/// <summary>A report run's figures as the Api serves them at <c>GET /reports/{runId}.csv</c>, byte for byte.</summary>
public static class ReportCsvDownload
{
    public static async Task<byte[]> GetAsync(GraphQLClient api, long runId, CancellationToken cancellationToken)
    {
        // Relative, like "graphql": an Api behind a path prefix keeps it.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"reports/{runId}.csv");
        using var response = await api.SendSignedInAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsByteArrayAsync(cancellationToken)
            : throw new ApiException(Problem(await response.Content.ReadAsStringAsync(cancellationToken)) ?? $"The Api answered {(int)response.StatusCode} for report run {runId}.");
    }

    /// <summary>The title (and detail) of the problem+json the Api answers with, e.g. "No report run 42.".</summary>
    private static string? Problem(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject problem && problem["title"]?.GetValue<string>() is { } title
                ? problem["detail"]?.GetValue<string>() is { } detail ? $"{title} {detail}" : title
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
