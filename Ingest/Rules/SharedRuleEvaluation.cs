using System.Text;
using IoTStack.Messaging;
using IoTStack.Rules.Engine;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IoTStack.Ingest.Rules;

/// <summary>
/// One ordered evaluator for the whole cluster, so that a rule correlating topics sees every replica's messages
/// (rule memory lives in one engine). Each replica forwards what <see cref="RuleInbox"/> queued to the queue
/// <c>iotstack.rule_inputs</c>, which RabbitMQ gives a single active consumer: one replica evaluates everything in
/// queue order and delivers the outputs to every replica (<see cref="RuleOutputDelivery"/>); when it goes, another
/// replica takes over (its memory starts empty). Inputs wait for no confirm: they are live data, bounded by the
/// queue's <c>x-max-length</c> (oldest dropped).
/// </summary>
public sealed partial class SharedRuleEvaluation(
    RabbitMqConnection rabbit, RuleInbox inbox, RuleEngine engine, RuleOutputDelivery delivery, RulesMetrics metrics,
    IOptions<RulesOptions> options, ILogger<SharedRuleEvaluation> logger) : BackgroundService
{
    public const string Queue = "iotstack.rule_inputs";
    private const string TopicHeader = "x-iotstack-topic";
    private const ushort Prefetch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IChannel? publisher = null;
        while (publisher is null)
        {
            try
            {
                publisher = await ConsumeAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker may not be up yet; once connected, RabbitMQ.Client recovers channels, queue and consumer.
                LogConnectFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }

        var forwarding = true;
        await foreach (var input in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var properties = new BasicProperties { Headers = new Dictionary<string, object?> { [TopicHeader] = input.Topic } };
                await publisher.BasicPublishAsync(string.Empty, Queue, mandatory: false, properties, input.Payload, stoppingToken);
                forwarding = true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // While the connection recovers, messages are ingested but not evaluated: counted, logged once per outage.
                metrics.Dropped();
                if (forwarding)
                {
                    LogNotForwarded(logger, exception);
                    forwarding = false;
                }
            }
        }
    }

    private async Task<IChannel> ConsumeAsync(CancellationToken stoppingToken)
    {
        var connection = await rabbit.GetAsync(stoppingToken);
        var consumer = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await consumer.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
        {
            ["x-single-active-consumer"] = true,
            ["x-max-length"] = options.Value.QueueCapacity,
        }, cancellationToken: stoppingToken);
        await consumer.BasicQosAsync(0, Prefetch, global: false, stoppingToken);
        var deliveries = new AsyncEventingBasicConsumer(consumer);
        deliveries.ReceivedAsync += (_, message) => EvaluateAsync(consumer, message, stoppingToken);
        await consumer.BasicConsumeAsync(Queue, autoAck: false, deliveries, stoppingToken);
        return await connection.CreateChannelAsync(cancellationToken: stoppingToken);
    }

    /// <summary>Deliveries on a channel arrive one at a time, in queue order: the order rule memory depends on.</summary>
    private async Task EvaluateAsync(IChannel channel, BasicDeliverEventArgs message, CancellationToken cancellationToken)
    {
        var topic = message.BasicProperties.Headers?.TryGetValue(TopicHeader, out var value) == true && value is byte[] bytes
            ? Encoding.UTF8.GetString(bytes)
            : null;
        try
        {
            if (topic is not null)
            {
                foreach (var output in engine.Evaluate(topic, message.Body.ToArray()))
                {
                    await delivery.DeliverAsync(output, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, topic);
        }

        await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the rule input queue yet; retrying")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messages skip rule evaluation until RabbitMQ takes them again (counted as dropped inputs)")]
    private static partial void LogNotForwarded(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluating the rules for a message on {Topic} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? topic);
}
