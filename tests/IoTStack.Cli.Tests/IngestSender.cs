using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary>Sends telemetry the way a device does: <c>POST /api/v1/telemetry</c> on Ingest with its device token.</summary>
public static class IngestSender
{
    /// <returns>The correlation id Ingest answered the 202 with.</returns>
    public static async Task<Guid> SendAsync(IoTStackTestApplication stack, string deviceToken, string json)
    {
        using var http = stack.CreateHttpClient("ingest");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deviceToken);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("correlation_id").GetGuid();
    }
}
