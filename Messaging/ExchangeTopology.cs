using IoTStack.Contracts;
using RabbitMQ.Client;

namespace IoTStack.Messaging;

/// <summary>The exchanges and queues of the narrow waist. Every declaration is idempotent and durable.</summary>
public static class ExchangeTopology
{
    /// <summary>Where the Silo's physical_timeseries consumer reads.</summary>
    public const string SiloQueue = "iotstack.silo.physical_timeseries";

    /// <summary>Where dead-lettered messages wait for an operator.</summary>
    public const string DeadLetterQueue = "iotstack.dead_letter";

    public static async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(Exchanges.PhysicalTimeseries, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Exchanges.LogicalTimeseries, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Exchanges.DeadLetter, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(DeadLetterQueue, Exchanges.DeadLetter, routingKey: string.Empty, cancellationToken: cancellationToken);
    }
}
