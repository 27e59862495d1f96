namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>
/// A message a gateway acknowledged (MQTT PUBACK success, HTTP 202): from then on the platform owns it, so each of
/// its points must end up in series_points exactly once. <paramref name="Timestamp"/> is unique per device.
/// </summary>
public sealed record Acknowledged(long LogicalUid, DateTime Timestamp, int Replica, DateTimeOffset At);
