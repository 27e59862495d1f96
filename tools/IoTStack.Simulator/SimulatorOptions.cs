namespace IoTStack.Simulator;

public enum Transport { Mqtt, MqttWebSocket, Http }

public enum PayloadShape { TsValues, IoTa, Tum, CroMFlaG2 }

/// <summary>Everything one simulation run needs; filled from the command line or by the benchmark.</summary>
public sealed record SimulatorOptions
{
    public int Devices { get; init; } = 10;
    public double Rate { get; init; } = 100;
    public TimeSpan Ramp { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public int PointsPerMessage { get; init; } = 3;
    public int QoS { get; init; } = 1;
    public Transport Transport { get; init; } = Transport.Mqtt;
    public PayloadShape Shape { get; init; } = PayloadShape.TsValues;
    public string Host { get; init; } = "127.0.0.1";
    public int MqttPort { get; init; } = 1883;
    public int HttpPort { get; init; } = 5081;

    /// <summary>Messages one device may have unacknowledged at once; bounds memory when the server falls behind.</summary>
    public int MaxInFlightPerDevice { get; init; } = 64;

    /// <summary>The Api the devices are registered through (GraphQL), signed in as <see cref="ApiUser"/>.</summary>
    public Uri ApiUrl { get; init; } = new("http://localhost:5080/");
    public string ApiUser { get; init; } = "admin";
    public string? ApiPassword { get; init; }
    public bool Quiet { get; init; }
}
