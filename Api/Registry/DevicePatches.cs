namespace IoTStack.Api.Registry;

/// <summary>
/// The fields of a create or update request. For an update, a null member means "not given, leave as is"
/// (IoTa's "only the fields present are updated"); properties and source ids are JSON object text.
/// </summary>
public sealed record PhysicalDevicePatch(
    string? Source = null,
    string? Name = null,
    Location? Location = null,
    DateTimeOffset? LastSeen = null,
    string? SourceIds = null,
    string? Properties = null);

public sealed record LogicalDevicePatch(
    string? Name = null,
    Location? Location = null,
    DateTimeOffset? LastSeen = null,
    string? Properties = null);
