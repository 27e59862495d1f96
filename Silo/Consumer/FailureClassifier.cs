using System.Text.Json;
using IoTStack.Contracts.Devices;
using Orleans.Runtime;

namespace IoTStack.Silo.Consumer;

public static class FailureClassifier
{
    public static FailureKind Classify(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => MostHopeful(aggregate.InnerExceptions.Select(Classify).ToArray()),
        RejectedMessageException or UnknownDeviceException or JsonException or FormatException => FailureKind.Rejected,
        StorageUnavailableException or TimeoutException or OperationCanceledException
            or SiloUnavailableException or OrleansMessageRejectionException => FailureKind.Unavailable,
        // Orleans may wrap what a grain's activation threw (the database was down while it loaded its state).
        { InnerException: { } inner } => Classify(inner) == FailureKind.Unavailable ? FailureKind.Unavailable : FailureKind.Unexpected,
        _ => FailureKind.Unexpected,
    };

    // An outage explains everything else that failed with it; a bug is worth retrying before giving up.
    private static FailureKind MostHopeful(FailureKind[] kinds) =>
        kinds.Contains(FailureKind.Unavailable) ? FailureKind.Unavailable
        : kinds.Contains(FailureKind.Unexpected) ? FailureKind.Unexpected
        : FailureKind.Rejected;
}
