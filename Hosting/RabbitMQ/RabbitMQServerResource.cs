namespace IoTStack.Hosting;

/// <summary>A RabbitMQ broker: an isolated local node from the OS packages, or the official image in container mode.</summary>
public sealed class RabbitMQServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IRunnableResource, IContainerResource
{
    public const string UserName = "iotstack";
    private RabbitMQProbe? _probe;

    public override string Kind => "RabbitMQ";

    public ParameterResource Password { get; } = password;

    public bool ManagementPlugin { get; internal set; }

    internal RabbitMQProbe Probe => _probe ??= new RabbitMQProbe(this);

    public EndpointAnnotation PrimaryEndpoint => GetEndpoint("tcp");

    public IValueProvider Host => new EndpointReference(this, PrimaryEndpoint, EndpointProperty.Host);

    public IValueProvider Port => new EndpointReference(this, PrimaryEndpoint, EndpointProperty.Port);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://{UserName}:{Password}@{Host}:{Port}");

    public IEnumerable<KeyValuePair<string, IValueProvider>> ConnectionProperties =>
    [
        new("HOST", Host),
        new("PORT", Port),
        new("USERNAME", new ValueLiteral(UserName)),
        new("PASSWORD", Password),
        new("URI", ConnectionStringExpression),
    ];

    public ContainerSpec GetContainerSpec() => new(ManagementPlugin ? "docker.io/library/rabbitmq:4.2-management" : "docker.io/library/rabbitmq:4.2")
    {
        Environment =
        {
            ["RABBITMQ_DEFAULT_USER"] = new ValueLiteral(UserName),
            ["RABBITMQ_DEFAULT_PASS"] = Password,
        },
        Volumes = { new ContainerVolume($"{Name}-data", "/var/lib/rabbitmq") },
    };

    public IResourceLauncher CreateLauncher(LaunchContext context) => context.Options.UseContainers
        ? new PreferContainerLauncher(new ContainerLauncher(this, context, (_, ct) => Probe.CheckAsync(ct)), new LocalRabbitMQLauncher(this, context), context)
        : new LocalRabbitMQLauncher(this, context);
}
