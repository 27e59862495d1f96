namespace IoTStack.Simulator;

/// <summary>A registered physical device and the token it sends with.</summary>
public sealed record SimulatedDevice(long Uid, string Name, string Token);
