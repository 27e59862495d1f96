using RabbitMQ.Client;

namespace IoTStack.Hosting;

/// <summary>
/// Healthy = our user holds an open AMQP connection (the listener opens only once the broker has booted). The
/// connection is kept between probes so the broker's log is not flooded with a connection every two seconds.
/// </summary>
internal sealed class RabbitMQProbe(RabbitMQServerResource broker) : IAsyncDisposable
{
    private IConnection? _connection;

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true })
        {
            return true;
        }

        await DisposeAsync();
        var factory = new ConnectionFactory
        {
            Uri = new Uri(broker.ConnectionStringExpression.GetValue()),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "iotstack-apphost-probe",
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        return _connection.IsOpen;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
