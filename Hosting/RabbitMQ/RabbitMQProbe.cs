using RabbitMQ.Client;

namespace IoTStack.Hosting;

/// <summary>Healthy = our user can open an AMQP connection (the listener opens only once the broker has booted).</summary>
internal static class RabbitMQProbe
{
    public static async Task<bool> CheckAsync(RabbitMQServerResource broker, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(broker.ConnectionStringExpression.GetValue()),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "iotstack-apphost-probe",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        return connection.IsOpen;
    }
}
