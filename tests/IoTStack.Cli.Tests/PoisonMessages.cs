using System.Text;
using IoTStack.Testing;
using RabbitMQ.Client;

namespace IoTStack.Cli.Tests;

/// <summary>
/// A message the Silo cannot process, published where Ingest publishes (physical_timeseries) so it takes the real
/// path: the Silo's consumer fails it, FailedMessagePublisher dead-letters it, and the Api lists it.
/// </summary>
public static class PoisonMessages
{
    public const string Exchange = "physical_timeseries";

    public static async Task PublishAsync(IoTStackTestApplication stack, string messageId, string body)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await stack.GetConnectionStringAsync("messaging")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { MessageId = messageId, Persistent = true, ContentType = "application/json" };
        await channel.BasicPublishAsync(Exchange, string.Empty, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }
}
