using IoTStack.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>The connection string name the AppHost injects as <c>ConnectionStrings__messaging</c> (an amqp:// URI).</summary>
    public const string MessagingConnectionName = "messaging";

    /// <summary>Registers one shared, auto-recovering RabbitMQ connection and its readiness check.</summary>
    public static TBuilder AddIoTStackMessaging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var uri = builder.Configuration.GetConnectionString(MessagingConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{MessagingConnectionName}' is missing: set ConnectionStrings__{MessagingConnectionName} (the AppHost does).");

        builder.Services.AddSingleton(new ConnectionFactory
        {
            Uri = new Uri(uri),
            ClientProvidedName = builder.Environment.ApplicationName,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        });
        builder.Services.AddSingleton<RabbitMqConnection>();
        builder.Services.AddSingleton<DeadLetters>();
        builder.Services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>("rabbitmq");
        return builder;
    }
}
