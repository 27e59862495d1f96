using System.Diagnostics.CodeAnalysis;

namespace IoTStack.Ingest.Mqtt;

/// <summary>The topic layout devices publish to: <c>devices/{deviceId}/telemetry</c>.</summary>
public static class DeviceTopics
{
    private const string Prefix = "devices/";
    private const string TelemetrySuffix = "/telemetry";

    public static string Telemetry(string deviceId) => Prefix + deviceId + TelemetrySuffix;

    public static bool TryParseTelemetry(string? topic, [NotNullWhen(true)] out string? deviceId)
    {
        deviceId = null;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(TelemetrySuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = topic[Prefix.Length..^TelemetrySuffix.Length];
        if (id.Length == 0 || id.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        deviceId = id;
        return true;
    }
}
