using RabbitMQ.Client;

namespace IoTStack.Silo.Consumer;

/// <summary>Where the consumer sends what it gives up on, or wants to try again later.</summary>
public interface IFailedMessageSink
{
    Task DeadLetterAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string reason, int attempts, CancellationToken cancellationToken);

    Task RetryLaterAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string lastError, int attempts, CancellationToken cancellationToken);
}
