namespace IoTStack.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>Adds a RabbitMQ broker on a free AMQP port with a generated password kept in the state folder.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddGeneratedParameter($"{name}-password", new GenerateOptions(22));
        var broker = builder.AddResource(new RabbitMQServerResource(name, password));
        broker.WithEndpoint("tcp", "tcp", targetPort: 5672);
        broker.Resource.PrimaryEndpoint.Host = "127.0.0.1";
        return broker;
    }

    /// <summary>Enables the management UI (offline, no download) on its own endpoint.</summary>
    public static IResourceBuilder<RabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<RabbitMQServerResource> broker)
    {
        broker.Resource.ManagementPlugin = true;
        broker.WithEndpoint("management", "http", targetPort: 15672);
        broker.Resource.GetEndpoint("management").Host = "127.0.0.1";
        return broker;
    }
}
