using IoTStack.Contracts;

namespace IoTStack.Silo.Publishing;

/// <summary>Hands mapped messages (l_uid set) to the back ends through the durable fan-out exchange logical_timeseries.</summary>
public interface ILogicalTimeseriesPublisher
{
    /// <summary>Completes once RabbitMQ has confirmed the message is durable.</summary>
    Task PublishAsync(NormalisedMessage message);
}
