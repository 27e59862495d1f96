namespace IoTStack.Ingest.Pipeline;

/// <summary>A refused message: its kind and a detail precise enough for the device's developer to fix the sender.</summary>
public sealed record Rejection(RejectionKind Kind, string Detail);
