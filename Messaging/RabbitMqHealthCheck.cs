using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client.Exceptions;

namespace IoTStack.Messaging;

/// <summary>Ready only when the broker connection is open (opening it on the first probe).</summary>
public sealed class RabbitMqHealthCheck(RabbitMqConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var open = await connection.GetAsync(cancellationToken);
            return open.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("RabbitMQ connection is recovering");
        }
        catch (BrokerUnreachableException exception)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ is not reachable", exception);
        }
    }
}
