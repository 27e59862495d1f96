namespace IoTStack.Api.Registry;

/// <summary>The hardware in the field, as IoTa keeps it.</summary>
public sealed record PhysicalDevice(
    long Uid,
    string Source,
    string Name,
    Location? Location,
    DateTimeOffset? LastSeen,
    string SourceIds,
    string Properties,
    DateTimeOffset CreatedAt);

/// <summary>The place a series belongs to, outliving any one physical device.</summary>
public sealed record LogicalDevice(
    long Uid,
    string Name,
    Location? Location,
    DateTimeOffset? LastSeen,
    string Properties,
    DateTimeOffset CreatedAt);

public sealed record Location(double Latitude, double Longitude);

/// <summary>One row of the mapping history; an open mapping has no end.</summary>
public sealed record Mapping(long PhysicalUid, long LogicalUid, DateTimeOffset StartTime, DateTimeOffset? EndTime)
{
    /// <summary>Its place in a history, newest first (a physical device starts one mapping at a time: the primary key).</summary>
    public MappingKey Key => new(StartTime, PhysicalUid);
}

public sealed record MappingKey(DateTimeOffset StartTime, long PhysicalUid);

public sealed record Source(string Name, string? Description);
