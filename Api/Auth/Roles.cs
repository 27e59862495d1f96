namespace IoTStack.Api.Auth;

/// <summary>
/// The three user roles, ranked: an admin may do whatever an operator may, an operator whatever a reader may.
/// Consumers (API keys) stand outside the ranking: they read only what they were granted.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Reader = "reader";
    public const string Consumer = "consumer";

    public static IReadOnlyList<string> UserRoles { get; } = [Admin, Operator, Reader];

    public static bool IsUserRole(string? role) => Rank(role) > 0;

    /// <summary>The user roles that include <paramref name="minimum"/>, for GraphQL.NET's role metadata.</summary>
    public static string[] AtLeast(string minimum) => [.. UserRoles.Where(role => Rank(role) >= Rank(minimum))];

    private static int Rank(string? role) => role switch
    {
        Admin => 3,
        Operator => 2,
        Reader => 1,
        _ => 0,
    };
}
