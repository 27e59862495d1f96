using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IoTStack.Ingest.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IoTStack.Ingest.Tests.Http;

/// <summary>The per-device rate limit policy on a real Kestrel (loopback, free port), in front of a stand-in endpoint.</summary>
public sealed class DeviceRateLimitingTests : IAsyncLifetime, IAsyncDisposable
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<IngestOptions>(options =>
        {
            options.DeviceRequestsPerSecond = 1;
            options.DeviceBurst = 3;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddDeviceRateLimiting();
        _app = builder.Build();
        _app.UseRateLimiter();
        _app.MapPost("/insert/{device}", () => Results.StatusCode(StatusCodes.Status202Accepted)).RequireRateLimiting(DeviceRateLimiting.PolicyName);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [Fact]
    public async Task A_device_over_its_burst_gets_429_problem_with_Retry_After_while_other_devices_go_on()
    {
        // The bucket holds 3 and refills one token a second on its own timer, which may tick during the loop on a loaded
        // machine: so send until the first 429 and allow one extra acceptance per second that passed.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        var clock = Stopwatch.StartNew();
        while (limited is null && statuses.Count < 20)
        {
            var response = await SendAsync("device-a", "token-a");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        var accepted = statuses.Count(status => status == HttpStatusCode.Accepted);
        Assert.NotNull(limited);
        Assert.All(statuses.Take(3), status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.InRange(accepted, 3, 3 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("RateLimited", problem.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync("device-b", "token-b")).StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(string device, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/insert/{device}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _http.SendAsync(request);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
