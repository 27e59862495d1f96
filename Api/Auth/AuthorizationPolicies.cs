using Microsoft.AspNetCore.Authorization;

namespace IoTStack.Api.Auth;

/// <summary>
/// Minimum-role policies for plain HTTP endpoints (<c>.RequireAuthorization(AuthorizationPolicies.Operator)</c>).
/// GraphQL fields say the same with role metadata (<c>RequireAtLeast</c>); both rank roles through <see cref="Roles"/>.
/// </summary>
public static class AuthorizationPolicies
{
    public const string Reader = "at-least-reader";
    public const string Operator = "at-least-operator";
    public const string Admin = "at-least-admin";

    public static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Reader, policy => policy.RequireRole(Roles.AtLeast(Roles.Reader)))
        .AddPolicy(Operator, policy => policy.RequireRole(Roles.AtLeast(Roles.Operator)))
        .AddPolicy(Admin, policy => policy.RequireRole(Roles.AtLeast(Roles.Admin)));
}
