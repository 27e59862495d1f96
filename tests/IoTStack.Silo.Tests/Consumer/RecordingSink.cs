using System.Collections.Concurrent;
using IoTStack.Silo.Consumer;
using RabbitMQ.Client;

namespace IoTStack.Silo.Tests.Consumer;

public sealed class RecordingSink : IFailedMessageSink
{
    public ConcurrentQueue<(string Where, string Reason, int Attempts)> Sent { get; } = new();

    public Task DeadLetterAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string reason, int attempts, CancellationToken cancellationToken)
    {
        Sent.Enqueue(("dead-letter", reason, attempts));
        return Task.CompletedTask;
    }

    public Task RetryLaterAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string lastError, int attempts, CancellationToken cancellationToken)
    {
        Sent.Enqueue(("retry", lastError, attempts));
        return Task.CompletedTask;
    }
}
