using IoTStack.Contracts;
using IoTStack.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace IoTStack.Silo.Consumer;

/// <summary>
/// Reads the Silo's durable queue on physical_timeseries with a bounded prefetch, every prefetched message in
/// parallel: each is dispatched to the device grains, then settled (see <see cref="DeliverySettlement"/>).
/// </summary>
public sealed partial class PhysicalTimeseriesConsumer(
    RabbitMqConnection connection, BatchDispatcher dispatcher, DeliverySettlement settlement,
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
            await settlement.SettleAsync(channel, delivery, await dispatcher.DispatchAsync(delivery.Body), stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ is unavailable; the consumer retries shortly")]
    private static partial void LogBrokerUnavailable(ILogger logger, Exception exception);
}
