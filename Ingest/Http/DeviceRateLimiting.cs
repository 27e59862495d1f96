using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IoTStack.Ingest.Http;

/// <summary>
/// A token bucket per device (ASP.NET Core rate limiting), keyed by the presented credential and the addressed
/// device, so one chatty device cannot starve the others. Refusals are 429 problem+json with Retry-After; they are
/// not written to raw_messages, since storing a flood would defeat the throttle and the device is told to resend.
/// </summary>
public static class DeviceRateLimiting
{
    public const string PolicyName = "per-device";

    public static IServiceCollection AddDeviceRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteProblemAsync;
            limiter.AddPolicy(PolicyName, http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptions<IngestOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.DeviceBurst,
                    TokensPerPeriod = settings.DeviceRequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    private static string PartitionKey(HttpContext http)
    {
        var device = http.Request.RouteValues["device"] as string ?? http.Request.Query["device"].ToString();
        var credential = http.Request.Headers.Authorization.ToString();
        return credential.Length == 0 ? $"anonymous|{http.Connection.RemoteIpAddress}" : $"{credential}|{device}";
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            $"Too many messages from this device; retry after {retryAfter} s.",
            http.Request.Path,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            extensions: new Dictionary<string, object?> { ["reason"] = "RateLimited" }).ExecuteAsync(http);
    }
}
