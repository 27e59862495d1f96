namespace IoTStack.Hosting;

/// <summary>
/// A login with a generated password that holds only <see cref="MemberOf"/> (a NOLOGIN role whose grants come from
/// the migrations). Created with the databases when the server is healthy; readers such as Grafana use it so they
/// never connect as the owner.
/// </summary>
public sealed class PostgresLoginResource(string name, string userName, string memberOf, PostgresDatabaseResource database, ParameterResource password)
    : Resource(name)
{
    public override string Kind => "PostgresLogin";

    public override bool IsVisible => false;

    public string UserName { get; } = userName;

    public string MemberOf { get; } = memberOf;

    public PostgresDatabaseResource Database { get; } = database;

    public ParameterResource Password { get; } = password;
}
