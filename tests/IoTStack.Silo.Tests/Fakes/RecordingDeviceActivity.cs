using System.Collections.Concurrent;
using IoTStack.Contracts;
using IoTStack.Silo.Publishing;
using IoTStack.Silo.Storage;

namespace IoTStack.Silo.Tests.Fakes;

/// <summary>Records unmapped traffic and logical publications instead of writing them.</summary>
public sealed class RecordingDeviceActivity : IDeviceActivity, ILogicalTimeseriesPublisher
{
    public ConcurrentQueue<(long PhysicalUid, DateTimeOffset At, Guid CorrelationId)> Unmapped { get; } = new();

    public ConcurrentQueue<NormalisedMessage> Published { get; } = new();

    public void PhysicalSeen(long physicalUid, DateTimeOffset at)
    {
    }

    public void LogicalSeen(long logicalUid, DateTimeOffset at)
    {
    }

    public void UnmappedMessage(long physicalUid, DateTimeOffset at, Guid correlationId) => Unmapped.Enqueue((physicalUid, at, correlationId));

    public Task PublishAsync(IReadOnlyList<NormalisedMessage> messages)
    {
        foreach (var message in messages)
        {
            Published.Enqueue(message);
        }

        return Task.CompletedTask;
    }
}
