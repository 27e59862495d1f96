using IoTStack.Contracts;
using IoTStack.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace IoTStack.Silo.Consumer;

/// <summary>
/// Reads the Silo's durable queue on physical_timeseries with a bounded prefetch, all prefetched messages in
/// parallel. A message is acknowledged only once its points are committed, or once what failed has been
/// dead-lettered or re-queued (with confirms); a dependency outage holds it back and re-queues it unacknowledged.
/// </summary>
public sealed partial class PhysicalTimeseriesConsumer(
    RabbitMqConnection connection, BatchDispatcher dispatcher, FailedMessagePublisher failed,
    IOptions<SiloPipelineOptions> options, ILogger<PhysicalTimeseriesConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var channel = await OpenAsync(stoppingToken);
                // The connection's automatic recovery restores the channel and this consumer after a broker outage.
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException)
            {
                LogBrokerUnavailable(logger, exception);
                await Task.Delay(options.Value.UnavailableRetryDelay, stoppingToken);
            }
        }
    }

    private async Task<IChannel> OpenAsync(CancellationToken stoppingToken)
    {
        var prefetch = options.Value.Prefetch;
        var open = await connection.GetAsync(stoppingToken);
        var channel = await open.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: prefetch), stoppingToken);
        await ExchangeTopology.DeclareAsync(channel, stoppingToken);
        await channel.QueueDeclareAsync(ExchangeTopology.SiloQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: stoppingToken);
        await channel.QueueBindAsync(ExchangeTopology.SiloQueue, Exchanges.PhysicalTimeseries, string.Empty, cancellationToken: stoppingToken);
        await channel.BasicQosAsync(0, prefetch, global: false, stoppingToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(ExchangeTopology.SiloQueue, autoAck: false, consumer, stoppingToken);
        return channel;
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        try
        {
            var result = await dispatcher.DispatchAsync(delivery.Body);
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
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the unacknowledged message goes back to the queue when the channel closes.
        }
        catch (Exception exception) when (exception is OperationInterruptedException or AlreadyClosedException or PublishException)
        {
            // Could not dead-letter or re-queue (broker trouble): leave the message unacknowledged; the channel's
            // recovery or closing returns it to the queue, and it is handled again from the start.
            LogBrokerUnavailable(logger, exception);
        }
    }

    private async Task DeadLetterAsync(BasicDeliverEventArgs delivery, FailedMessages failure, int attempts, CancellationToken stoppingToken)
    {
        LogDeadLettered(logger, delivery.BasicProperties.MessageId, failure.Reason);
        await failed.DeadLetterAsync(BodyOf(delivery, failure), delivery.BasicProperties, failure.Reason, attempts, stoppingToken);
    }

    /// <summary>Only the failed device messages travel on, so the committed ones are not repeated; an unreadable body travels as it came.</summary>
    private static ReadOnlyMemory<byte> BodyOf(BasicDeliverEventArgs delivery, FailedMessages failure) =>
        failure.Messages is { } messages ? NormalisedMessageBatch.Serialize(messages) : delivery.Body.ToArray();

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ is unavailable; the consumer retries shortly")]
    private static partial void LogBrokerUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency is unavailable; the message goes back to the queue: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempts} failed; the failed part is re-queued: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered message {MessageId}: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string? messageId, string reason);
}
