namespace IoTStack.IntegrationTests.Ingest;

/// <summary>A registered physical device and one valid token for it.</summary>
public sealed record TestDevice(long Uid, string Name, string Token, long TokenId);

/// <summary>One row of raw_messages as the tests check it.</summary>
public sealed record RawRow(Guid CorrelationId, string Source, long? PhysicalUid, string? Device, string Route, string Status, string? Reason, byte[] Payload);
