using IoTStack.Contracts;
using IoTStack.Contracts.Devices;

namespace IoTStack.Silo.Grains;

/// <summary>Content PostgreSQL would refuse for a whole batch is refused here, for this message alone.</summary>
public static class MessageValidation
{
    public const int MaxNameLength = 256;

    public static void EnsureValid(NormalisedMessage message, long physicalUid)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.PhysicalUid != physicalUid)
        {
            throw new RejectedMessageException($"Message {message.CorrelationId} names p_uid {message.PhysicalUid}, not {physicalUid}.");
        }

        if (message.Timeseries is null)
        {
            throw new RejectedMessageException($"Message {message.CorrelationId} has no 'timeseries'.");
        }

        foreach (var point in message.Timeseries)
        {
            // A name is part of the series' primary key; PostgreSQL cannot index one much longer than this.
            if (point.Name?.Length > MaxNameLength)
            {
                throw new RejectedMessageException($"Message {message.CorrelationId} has a point name longer than {MaxNameLength} characters.");
            }

            // PostgreSQL text cannot hold NUL; one such point would otherwise fail every message batched with it.
            if (string.IsNullOrEmpty(point.Name) || point.Name.Contains('\0', StringComparison.Ordinal)
                || (point.Text?.Contains('\0', StringComparison.Ordinal) ?? false))
            {
                throw new RejectedMessageException($"Message {message.CorrelationId} has a point with an empty name or a NUL character.");
            }
        }
    }
}
