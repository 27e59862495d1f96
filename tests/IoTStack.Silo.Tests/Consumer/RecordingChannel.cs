using System.Collections.Concurrent;
using System.Reflection;
using RabbitMQ.Client;

namespace IoTStack.Silo.Tests.Consumer;

/// <summary>An <see cref="IChannel"/> that only records which settlement calls were made (ack, nack, requeue).</summary>
public class RecordingChannel : DispatchProxy
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public static (IChannel Channel, RecordingChannel Recorder) Create()
    {
        var channel = Create<IChannel, RecordingChannel>();
        return (channel, (RecordingChannel)(object)channel);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue(targetMethod.Name switch
        {
            nameof(IChannel.BasicNackAsync) => $"nack requeue={args![2]}",
            nameof(IChannel.BasicAckAsync) => "ack",
            _ => targetMethod.Name,
        });
        return targetMethod.ReturnType == typeof(ValueTask) ? default(ValueTask)
            : targetMethod.ReturnType == typeof(Task) ? Task.CompletedTask
            : null;
    }
}
