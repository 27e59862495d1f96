using IoTStack.Ingest.Http;

namespace Microsoft.AspNetCore.Builder;

public static class TelemetryEndpoints
{
    /// <summary>
    /// <c>POST /insert/{device}</c> (CroMFlaG2) and <c>POST /api/v1/telemetry</c> (TUM, IoTa, ts/values; the device is
    /// the token's, or <c>?device=</c> under a source credential). Both accept every payload shape in JSON or MessagePack.
    /// </summary>
    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/insert/{device}", (HttpContext http, string device, HttpTelemetryHandler handler) => handler.HandleAsync(http, device))
            .RequireRateLimiting(DeviceRateLimiting.PolicyName);
        app.MapPost("/api/v1/telemetry", (HttpContext http, string? device, HttpTelemetryHandler handler) => handler.HandleAsync(http, device))
            .RequireRateLimiting(DeviceRateLimiting.PolicyName);
        return app;
    }
}
