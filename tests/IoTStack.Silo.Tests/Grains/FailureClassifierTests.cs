using System.Text.Json;
using IoTStack.Contracts.Devices;
using IoTStack.Silo.Consumer;
using Orleans.Runtime;

namespace IoTStack.Silo.Tests.Grains;

public sealed class FailureClassifierTests
{
    [Fact]
    public void Bad_messages_are_rejected_outages_are_waited_out_and_anything_else_is_retried_a_bounded_number_of_times()
    {
        Assert.Equal(FailureKind.Rejected, FailureClassifier.Classify(new UnknownDeviceException("no such device")));
        Assert.Equal(FailureKind.Rejected, FailureClassifier.Classify(new RejectedMessageException("NUL in a name")));
        Assert.Equal(FailureKind.Rejected, FailureClassifier.Classify(new JsonException("not json")));
        Assert.Equal(FailureKind.Unavailable, FailureClassifier.Classify(new StorageUnavailableException("database down")));
        Assert.Equal(FailureKind.Unavailable, FailureClassifier.Classify(new TimeoutException()));
        Assert.Equal(FailureKind.Unavailable, FailureClassifier.Classify(new SiloUnavailableException()));
        Assert.Equal(FailureKind.Unexpected, FailureClassifier.Classify(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void An_outage_anywhere_in_an_aggregate_means_the_whole_message_waits()
    {
        var mixed = new AggregateException(new UnknownDeviceException("no such device"), new StorageUnavailableException("database down"));

        Assert.Equal(FailureKind.Unavailable, FailureClassifier.Classify(mixed));
    }
}
