using IoTStack.Contracts;

namespace IoTStack.Silo.Publishing;

/// <summary>Hands mapped messages (l_uid set) to the back ends through the durable fan-out exchange logical_timeseries.</summary>
public interface ILogicalTimeseriesPublisher
{
    /// <summary>Completes once RabbitMQ has confirmed the messages are durable (they travel in one batch).</summary>
    Task PublishAsync(IReadOnlyList<NormalisedMessage> messages);
}
