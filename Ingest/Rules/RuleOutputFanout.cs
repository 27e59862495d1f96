using System.Text;
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

    private readonly string _replica = Guid.NewGuid().ToString("N");
    private IChannel? _publisher;

    public async Task PublishAsync(RuleOutput output, CancellationToken cancellationToken)
    {
        if (_publisher is not { IsOpen: true } channel)
        {
            LogNotCarried(logger, output.Topic);
            return;
        }

        try
        {
            var properties = new BasicProperties { AppId = _replica, Headers = new Dictionary<string, object?> { [TopicHeader] = output.Topic } };
            await channel.BasicPublishAsync(Exchange, string.Empty, mandatory: false, properties, output.Payload, cancellationToken);
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            LogNotCarried(logger, output.Topic);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SubscribeAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker may not be up yet; once connected, RabbitMQ.Client recovers channels, queue and consumer.
                LogConnectFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        var connection = await rabbit.GetAsync(stoppingToken);
        var consumer = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await consumer.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: stoppingToken);
        var queue = await consumer.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: stoppingToken);
        await consumer.QueueBindAsync(queue.QueueName, Exchange, string.Empty, cancellationToken: stoppingToken);
        var deliveries = new AsyncEventingBasicConsumer(consumer);
        deliveries.ReceivedAsync += (_, delivery) => DeliverAsync(delivery, stoppingToken);
        await consumer.BasicConsumeAsync(queue.QueueName, autoAck: true, deliveries, stoppingToken);
        _publisher = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule output on {Topic} reached this replica's subscribers only: RabbitMQ is not reachable")]
    private static partial void LogNotCarried(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot subscribe to rule outputs of other replicas yet; retrying")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception);
}
