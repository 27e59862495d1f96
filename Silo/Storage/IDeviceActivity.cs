namespace IoTStack.Silo.Storage;

/// <summary>
/// Last-seen times and unmapped traffic. Recorded in memory on the hot path and written in bulk a few times a
/// minute: losing a second of "last seen" in a crash is acceptable, one database round trip per message is not.
/// </summary>
public interface IDeviceActivity
{
    void PhysicalSeen(long physicalUid, DateTimeOffset at);

    void LogicalSeen(long logicalUid, DateTimeOffset at);

    void UnmappedMessage(long physicalUid, DateTimeOffset at, Guid correlationId);
}
