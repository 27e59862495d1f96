using IoTStack.Contracts;
using IoTStack.Messaging;
using IoTStack.Silo.Consumer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IoTStack.Silo.Tests.Consumer;

public sealed class DeliverySettlementTests
{
    private static readonly NormalisedMessage[] SomeMessages = [new(Guid.NewGuid(), 1, null, DateTimeOffset.UtcNow, [TimeseriesPoint.Number("t", 1)])];
    private readonly RecordingSink _sink = new();
    private readonly (IChannel Channel, RecordingChannel Recorder) _channel = RecordingChannel.Create();

    [Fact]
    public async Task A_committed_message_is_acknowledged()
    {
        await SettleAsync(previousAttempts: 0, DispatchResult.Committed);

        Assert.Equal(["ack"], _channel.Recorder.Calls);
        Assert.Empty(_sink.Sent);
    }

    [Fact]
    public async Task A_rejected_message_is_dead_lettered_at_once_and_acknowledged()
    {
        await SettleAsync(previousAttempts: 0, new DispatchResult(null, [new FailedMessages(SomeMessages, "unknown device")], []));

        Assert.Equal([("dead-letter", "unknown device", 1)], _sink.Sent);
        Assert.Equal(["ack"], _channel.Recorder.Calls);
    }

    [Fact]
    public async Task An_unexpected_failure_is_retried_at_the_back_of_the_queue_until_the_attempts_run_out()
    {
        var failure = new DispatchResult(null, [], [new FailedMessages(SomeMessages, "bug")]);

        await SettleAsync(previousAttempts: 0, failure);
        await SettleAsync(previousAttempts: 3, failure);
        await SettleAsync(previousAttempts: 4, failure);

        Assert.Equal([("retry", "bug", 1), ("retry", "bug", 4), ("dead-letter", "Gave up after 5 attempts: bug", 5)], _sink.Sent);
        Assert.Equal(["ack", "ack", "ack"], _channel.Recorder.Calls);
    }

    [Fact]
    public async Task During_an_outage_the_message_goes_back_unacknowledged_and_no_attempt_is_counted()
    {
        await SettleAsync(previousAttempts: 4, new DispatchResult("database down", [], [new FailedMessages(SomeMessages, "bug")]));

        Assert.Equal(["nack requeue=True"], _channel.Recorder.Calls);
        Assert.Empty(_sink.Sent);
    }

    private Task SettleAsync(int previousAttempts, DispatchResult result)
    {
        var settlement = new DeliverySettlement(_sink,
            Options.Create(new SiloPipelineOptions { MaxAttempts = 5, UnavailableRetryDelay = TimeSpan.FromMilliseconds(1) }),
            NullLogger<DeliverySettlement>.Instance);
        var properties = new BasicProperties { MessageId = "m1", Headers = new Dictionary<string, object?> { [DeadLetterHeaders.Attempts] = previousAttempts } };
        var delivery = new BasicDeliverEventArgs("consumer", 1, false, Exchanges.PhysicalTimeseries, string.Empty, properties,
            NormalisedMessageBatch.Serialize(SomeMessages), CancellationToken.None);
        return settlement.SettleAsync(_channel.Channel, delivery, result, CancellationToken.None);
    }
}
