namespace IoTStack.Hosting;

/// <summary>A database inside a PostgreSQL server; created when the server first reports healthy.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "PostgresDatabase";

    public override Resource Parent => Server;

    public PostgresServerResource Server { get; } = server;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{new ConnectionStringReference(Server)};Database={DatabaseName}");

    public IEnumerable<KeyValuePair<string, IValueProvider>> ConnectionProperties =>
    [
        new("HOST", Server.Host),
        new("PORT", Server.Port),
        new("USERNAME", new ValueLiteral(PostgresServerResource.SuperUser)),
        new("PASSWORD", Server.Password),
        new("URI", ReferenceExpression.Create($"postgresql://{PostgresServerResource.SuperUser}:{Server.Password}@{Server.Host}:{Server.Port}/{DatabaseName}")),
        new("JDBCCONNECTIONSTRING", ReferenceExpression.Create($"jdbc:postgresql://{Server.Host}:{Server.Port}/{DatabaseName}")),
        new("DATABASENAME", new ValueLiteral(DatabaseName)),
    ];
}
