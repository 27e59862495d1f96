using System.Text;
using System.Threading.Channels;
using IoTStack.Messaging;
using IoTStack.Rules.Engine;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IoTStack.Ingest.Rules;

/// <summary>
/// Carries rule outputs between Ingest replicas: each replica publishes what its engine produced to the fanout
/// exchange <c>iotstack.rule_outputs</c> and reads every copy through its own exclusive queue, delivering the
/// other replicas' outputs to its local subscribers. Its own copies (AppId = this replica) are skipped: they
/// were delivered locally already. Outputs are live notifications, so nothing is kept while no replica listens.
/// </summary>
public sealed partial class RuleOutputFanout(RabbitMqConnection rabbit, LocalMqttPublisher local, ILogger<RuleOutputFanout> logger) : BackgroundService
{
    public const string Exchange = "iotstack.rule_outputs";
    private const string TopicHeader = "x-iotstack-topic";

    // Outputs wait here for the AMQP publisher, so a slow broker never holds up evaluation (bounded: live data).
    private readonly Channel<RuleOutput> _outbox = Channel.CreateBounded<RuleOutput>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    private readonly string _replica = Guid.NewGuid().ToString("N");

    public void Publish(RuleOutput output) => _outbox.Writer.TryWrite(output);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IChannel? publisher = null;
        while (publisher is null)
        {
            try
            {
                publisher = await SubscribeAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker may not be up yet; once connected, RabbitMQ.Client recovers channels, queue and consumer.
                LogConnectFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }

        await PublishAllAsync(publisher, stoppingToken);
    }

    private async Task PublishAllAsync(IChannel channel, CancellationToken stoppingToken)
    {
        await foreach (var output in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var properties = new BasicProperties { AppId = _replica, Headers = new Dictionary<string, object?> { [TopicHeader] = output.Topic } };
                await channel.BasicPublishAsync(Exchange, string.Empty, mandatory: false, properties, output.Payload, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // While the connection recovers: this output reached this replica's subscribers only.
                LogNotCarried(logger, output.Topic);
            }
        }
    }

    private async Task<IChannel> SubscribeAsync(CancellationToken stoppingToken)
    {
        var connection = await rabbit.GetAsync(stoppingToken);
        var consumer = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await consumer.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: stoppingToken);
        var queue = await consumer.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: stoppingToken);
        await consumer.QueueBindAsync(queue.QueueName, Exchange, string.Empty, cancellationToken: stoppingToken);
        var deliveries = new AsyncEventingBasicConsumer(consumer);
        deliveries.ReceivedAsync += (_, delivery) => DeliverAsync(delivery, stoppingToken);
        await consumer.BasicConsumeAsync(queue.QueueName, autoAck: true, deliveries, stoppingToken);
        return await connection.CreateChannelAsync(cancellationToken: stoppingToken);
    }

    private async Task DeliverAsync(BasicDeliverEventArgs delivery, CancellationToken cancellationToken)
    {
        if (delivery.BasicProperties.AppId == _replica || delivery.BasicProperties.Headers is not { } headers ||
            !headers.TryGetValue(TopicHeader, out var value) || value is not byte[] topic)
        {
            return;
        }

        await local.PublishAsync(Encoding.UTF8.GetString(topic), delivery.Body.ToArray(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule output on {Topic} reached this replica's subscribers only: RabbitMQ did not take it")]
    private static partial void LogNotCarried(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot subscribe to rule outputs of other replicas yet; retrying")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception);
}
