using IoTStack.Contracts;
using IoTStack.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IoTStack.Silo.Consumer;

/// <summary>
/// Settles one delivery from what became of it: acknowledged once its points are committed, or once what failed
/// has been dead-lettered (rejected, or out of attempts) or re-queued at the back (attempts left), with confirms;
/// during an outage it is held back, then given back unacknowledged without counting an attempt.
/// </summary>
public sealed partial class DeliverySettlement(
    IFailedMessageSink failed, IOptions<SiloPipelineOptions> options, ILogger<DeliverySettlement> logger)
{
    public async Task SettleAsync(IChannel channel, BasicDeliverEventArgs delivery, DispatchResult result, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Unavailable is { } reason)
        {
            // Not the message's fault: wait, then give it back unacknowledged (any silo may take it) without counting.
            LogUnavailable(logger, reason);
            await Task.Delay(options.Value.UnavailableRetryDelay, stoppingToken);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, stoppingToken);
            return;
        }

        var attempts = DeadLetterHeaders.GetAttempts(delivery.BasicProperties.Headers) + 1;
        foreach (var rejected in result.Rejected)
        {
            await DeadLetterAsync(delivery, rejected, attempts, stoppingToken);
        }

        foreach (var unexpected in result.Unexpected)
        {
            if (attempts >= options.Value.MaxAttempts)
            {
                await DeadLetterAsync(delivery, unexpected with { Reason = $"Gave up after {attempts} attempts: {unexpected.Reason}" }, attempts, stoppingToken);
            }
            else
            {
                LogRetrying(logger, attempts, unexpected.Reason);
                await failed.RetryLaterAsync(BodyOf(delivery, unexpected), delivery.BasicProperties, unexpected.Reason, attempts, stoppingToken);
            }
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
    }

    private async Task DeadLetterAsync(BasicDeliverEventArgs delivery, FailedMessages failure, int attempts, CancellationToken stoppingToken)
    {
        LogDeadLettered(logger, delivery.BasicProperties.MessageId, failure.Reason);
        await failed.DeadLetterAsync(BodyOf(delivery, failure), delivery.BasicProperties, failure.Reason, attempts, stoppingToken);
    }

    /// <summary>Only the failed device messages travel on, so the committed ones are not repeated; an unreadable body travels as it came.</summary>
    private static ReadOnlyMemory<byte> BodyOf(BasicDeliverEventArgs delivery, FailedMessages failure) =>
        failure.Messages is { } messages ? NormalisedMessageBatch.Serialize(messages) : delivery.Body.ToArray();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency is unavailable; the message goes back to the queue: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempts} failed; the failed part is re-queued: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered message {MessageId}: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string? messageId, string reason);
}
