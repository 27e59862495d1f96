namespace IoTStack.IntegrationTests.Ingest;

/// <summary>A registered physical device and one valid token for it.</summary>
public sealed record TestDevice(long Uid, string Name, string Token, long TokenId);
