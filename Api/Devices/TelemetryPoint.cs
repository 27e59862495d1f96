namespace IoTStack.Api.Devices;

/// <summary>One accepted point of a logical device, as the <c>telemetry</c> subscription streams it.</summary>
public sealed record TelemetryPoint(
    long LogicalUid,
    long PhysicalUid,
    string Name,
    DateTimeOffset Timestamp,
    double? Value,
    string? Text,
    Guid CorrelationId);

/// <summary>
/// Live points per logical device. Keyed by the logical device, so a subscription keeps streaming when the
/// physical device behind it is replaced (re-mapped).
/// </summary>
public interface ITelemetryFeed
{
    IObservable<TelemetryPoint> Watch(long logicalUid);
}
