using Microsoft.Extensions.Configuration;

namespace IoTStack.Hosting;

/// <summary>
/// How this AppHost run behaves, read from configuration (command line <c>--Key=value</c> or environment
/// <c>Key__Sub=value</c>). Every key has a default so <c>dotnet run --project AppHost</c> needs none.
/// </summary>
public sealed class HostingOptions
{
    public const int DefaultDashboardPort = 18888;

    /// <summary>Where servers keep data and generated secrets (<c>IoTStack:StateDirectory</c>, default AppHost/.iotstack).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The AppHost project folder; relative paths (Grafana provisioning) start here.</summary>
    public required string AppHostDirectory { get; init; }

    /// <summary>Ignore every fixed port and take free ones (<c>IoTStack:DynamicPorts</c>); the test harness sets it.</summary>
    public bool DynamicPorts { get; init; }

    /// <summary>Run PostgreSQL and RabbitMQ from their images when a container runtime works (<c>IoTStack:Containers</c>).</summary>
    public bool UseContainers { get; init; }

    /// <summary>Dashboard port (<c>Dashboard:Port</c>); 0 = any free port.</summary>
    public int DashboardPort { get; init; } = DefaultDashboardPort;

    /// <summary>Where services send telemetry; only injected when the AppHost has one (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>Set by <c>--publisher manifest</c>: write the manifest and start nothing.</summary>
    public string? Publisher { get; init; }

    public string? OutputPath { get; init; }

    /// <summary>Distinguishes this run (Orleans cluster id, container names).</summary>
    public string RunId { get; } = $"{DateTime.UtcNow:yyyyMMddHHmmss}{Random.Shared.Next(0x1000, 0xFFFF):x4}";

    public bool IsPublishMode => Publisher is not null;

    internal static HostingOptions From(IConfiguration configuration, string appHostDirectory)
    {
        var dynamicPorts = configuration.GetValue("IoTStack:DynamicPorts", false);
        return new HostingOptions
        {
            AppHostDirectory = appHostDirectory,
            StateDirectory = Path.GetFullPath(configuration["IoTStack:StateDirectory"] ?? Path.Combine(appHostDirectory, ".iotstack")),
            DynamicPorts = dynamicPorts,
            UseContainers = configuration.GetValue("IoTStack:Containers", false),
            DashboardPort = dynamicPorts ? 0 : configuration.GetValue("Dashboard:Port", DefaultDashboardPort),
            OtlpEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } otlp ? otlp : null,
            Publisher = configuration["Publishing:Publisher"],
            OutputPath = configuration["Publishing:OutputPath"],
        };
    }
}
