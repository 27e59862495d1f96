namespace IoTStack.IntegrationTests.Ingest;

/// <summary>One row of raw_messages as the tests check it.</summary>
public sealed record RawRow(Guid CorrelationId, string Source, long? PhysicalUid, string? Device, string Route, string Status, string? Reason, byte[] Payload);
