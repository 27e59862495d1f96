namespace IoTStack.Hosting;

/// <summary>A PostgreSQL server: a local process from the OS packages, or the official image in container mode.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IRunnableResource, IContainerResource
{
    public const string SuperUser = "postgres";

    public override string Kind => "PostgreSQL";

    public ParameterResource Password { get; } = password;

    public IList<PostgresDatabaseResource> Databases { get; } = [];

    public IList<PostgresLoginResource> Logins { get; } = [];

    public EndpointAnnotation PrimaryEndpoint => GetEndpoint("tcp");

    public IValueProvider Host => new EndpointReference(this, PrimaryEndpoint, EndpointProperty.Host);

    public IValueProvider Port => new EndpointReference(this, PrimaryEndpoint, EndpointProperty.Port);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host={Host};Port={Port};Username={SuperUser};Password={Password}");

    public IEnumerable<KeyValuePair<string, IValueProvider>> ConnectionProperties =>
    [
        new("HOST", Host),
        new("PORT", Port),
        new("USERNAME", new ValueLiteral(SuperUser)),
        new("PASSWORD", Password),
        new("URI", ReferenceExpression.Create($"postgresql://{SuperUser}:{Password}@{Host}:{Port}")),
    ];

    public ContainerSpec GetContainerSpec() => new("docker.io/library/postgres:17.6")
    {
        Environment =
        {
            ["POSTGRES_HOST_AUTH_METHOD"] = new ValueLiteral("scram-sha-256"),
            ["POSTGRES_INITDB_ARGS"] = new ValueLiteral("--auth-host=scram-sha-256 --auth-local=scram-sha-256"),
            ["POSTGRES_USER"] = new ValueLiteral(SuperUser),
            ["POSTGRES_PASSWORD"] = Password,
        },
        Volumes = { new ContainerVolume($"{Name}-data", "/var/lib/postgresql/data") },
    };

    public IResourceLauncher CreateLauncher(LaunchContext context) => context.Options.UseContainers
        ? new PreferContainerLauncher(new ContainerLauncher(this, context, (_, ct) => PostgresProbe.CheckAsync(this, ct)), new LocalPostgresLauncher(this, context), context)
        : new LocalPostgresLauncher(this, context);
}
