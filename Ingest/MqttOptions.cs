namespace IoTStack.Ingest;

/// <summary>The MQTT listener, bound from the <c>Mqtt</c> section (the AppHost injects <c>Mqtt__Port</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary>Plain TCP port of the MQTT listener; MQTT over WebSocket is served at <see cref="WebSocketPath"/> on the HTTP port.</summary>
    public int Port { get; set; } = 1883;

    public string WebSocketPath { get; set; } = "/mqtt";
}
