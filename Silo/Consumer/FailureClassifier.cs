using System.Text.Json;
using IoTStack.Contracts.Devices;
using Orleans.Runtime;

namespace IoTStack.Silo.Consumer;

public static class FailureClassifier
{
    public static FailureKind Classify(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => aggregate.InnerExceptions.Select(Classify).Min(),
        RejectedMessageException or UnknownDeviceException or JsonException or FormatException => FailureKind.Rejected,
        StorageUnavailableException or TimeoutException or OperationCanceledException
            or SiloUnavailableException or OrleansMessageRejectionException => FailureKind.Unavailable,
        _ => FailureKind.Unexpected,
    };
}
