using System.Globalization;
using System.Security.Claims;

namespace IoTStack.Api.Auth;

/// <summary>The claims an authenticated caller carries, and what they mean.</summary>
public static class CallerClaims
{
    public const string Name = "sub";
    public const string Role = "role";

    /// <summary>The user's token generation when the token was issued; a refresh makes older tokens invalid.</summary>
    public const string TokenGeneration = "gen";

    public const string ConsumerId = "consumer_id";

    public const string AuthenticationType = "IoTStack";

    public static ClaimsPrincipal ForUser(string username, string role) =>
        new(new ClaimsIdentity([new Claim(Name, username), new Claim(Role, role)], AuthenticationType, Name, Role));

    public static ClaimsPrincipal ForConsumer(long consumerId, string name) =>
        new(new ClaimsIdentity(
            [new Claim(Name, name), new Claim(Role, Roles.Consumer), new Claim(ConsumerId, consumerId.ToString(CultureInfo.InvariantCulture))],
            AuthenticationType, Name, Role));

    public static bool IsAuthenticated(this ClaimsPrincipal? caller) => caller?.Identity?.IsAuthenticated == true;

    /// <summary>The consumer behind an API key, or null for users and anonymous callers.</summary>
    public static long? GetConsumerId(this ClaimsPrincipal? caller) =>
        caller?.FindFirst(ConsumerId)?.Value is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;
}
