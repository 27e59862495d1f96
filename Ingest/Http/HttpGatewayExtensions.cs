using IoTStack.Ingest.Http;

namespace Microsoft.Extensions.Hosting;

public static class HttpGatewayExtensions
{
    /// <summary>Problem details, per-device rate limiting and the request handler of the HTTP and WebSocket gateways.</summary>
    public static WebApplicationBuilder AddHttpGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddDeviceRateLimiting();
        builder.Services.AddSingleton<HttpTelemetryHandler>();
        return builder;
    }

    /// <summary>The middleware the gateways need, in order: problem+json for failures, WebSockets, rate limiting.</summary>
    public static WebApplication UseHttpGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.UseRateLimiter();
        return app;
    }
}
