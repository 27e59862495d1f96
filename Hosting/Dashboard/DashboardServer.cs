using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IoTStack.Hosting;

/// <summary>
/// The AppHost's own small dashboard (the Aspire dashboard is not served here): one self-contained page plus
/// <c>GET /api/resources</c> and <c>GET /api/resources/{name}/logs?after=N</c>, on Kestrel inside the AppHost.
/// </summary>
internal sealed class DashboardServer(ResourceNotifications notifications, Func<string, ResourceLog?> logs) : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri? Url { get; private set; }

    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        port = port == 0 ? PortAllocator.GetFreePort() : port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        _app = builder.Build();
        _app.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8"));
        _app.MapGet("/api/resources", () => notifications.GetAll().Select(ResourceView.From));
        _app.MapGet("/api/resources/{name}/logs", (string name, long? after) =>
            logs(name) is { } log ? Results.Ok(LogView.From(log.Read(after ?? 0))) : Results.NotFound());
        await _app.StartAsync(cancellationToken);
        Url = new Uri($"http://localhost:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("IoTStack.Hosting.Dashboard.dashboard.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
