using System.Text.Json.Serialization;

namespace IoTStack.Hosting;

/// <summary>Lifecycle of a resource, as the dashboard and <c>/api/resources</c> show it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceState>))]
public enum ResourceState
{
    Starting,
    Running,
    Exited,
    FailedToStart,
    NotAvailable,
}

/// <summary>The names of .NET's HealthStatus, plus Unknown before the first probe.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceHealth>))]
public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}
