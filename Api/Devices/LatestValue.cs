namespace IoTStack.Api.Devices;

/// <summary>The newest value of one series of a logical device.</summary>
public sealed record LatestValue(string Name, DateTimeOffset Timestamp, double? Value, string? Text);

/// <summary>Serves <c>latest(logicalUid)</c> from the logical device grain's memory, not from the database.</summary>
public interface ILatestValues
{
    Task<IReadOnlyList<LatestValue>> GetAsync(long logicalUid, CancellationToken cancellationToken);
}
