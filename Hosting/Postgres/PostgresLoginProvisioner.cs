using Npgsql;

namespace IoTStack.Hosting;

/// <summary>Creates (or re-keys) each declared login and its role, idempotently, as the superuser.</summary>
internal static class PostgresLoginProvisioner
{
    public static async Task EnsureAsync(NpgsqlConnection superuser, PostgresLoginResource login, CancellationToken cancellationToken)
    {
        var role = Identifier(login.MemberOf);
        var user = Identifier(login.UserName);
        // The password is generated from letters and digits; doubling quotes keeps the literal safe regardless.
        var password = "'" + login.Password.GetValue().Replace("'", "''", StringComparison.Ordinal) + "'";
        var sql = $"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {Literal(login.MemberOf)}) THEN CREATE ROLE {role} NOLOGIN; END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {Literal(login.UserName)}) THEN CREATE ROLE {user} LOGIN; END IF;
            END $$;
            ALTER ROLE {user} LOGIN PASSWORD {password};
            GRANT {role} TO {user};
            GRANT CONNECT ON DATABASE {Identifier(login.Database.DatabaseName)} TO {role};
            """;
        await using var command = new NpgsqlCommand(sql, superuser);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
