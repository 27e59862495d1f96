namespace IoTStack.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>Adds a PostgreSQL server on a free port, with a generated superuser password kept in the state folder.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddGeneratedParameter($"{name}-password", new GenerateOptions(22));
        var server = builder.AddResource(new PostgresServerResource(name, password));
        server.WithEndpoint("tcp", "tcp", targetPort: 5432);
        server.Resource.PrimaryEndpoint.Host = "127.0.0.1";
        return server;
    }

    /// <summary>
    /// Adds a login with a generated password that holds only <paramref name="memberOf"/> (created NOLOGIN if the
    /// migrations have not created it yet; they grant it its rights).
    /// </summary>
    public static IResourceBuilder<PostgresLoginResource> AddLogin(
        this IResourceBuilder<PostgresDatabaseResource> database, string name, string userName, string memberOf)
    {
        var password = database.ApplicationBuilder.AddGeneratedParameter($"{name}-password", new GenerateOptions(22));
        var login = new PostgresLoginResource(name, userName, memberOf, database.Resource, password);
        database.Resource.Server.Logins.Add(login);
        return database.ApplicationBuilder.AddResource(login);
    }

    /// <summary>Adds a database; services reach it as <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database);
    }
}
