using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IoTStack.Api.Auth;

/// <summary>
/// Turns a credential into a caller: a user's JWT (signature, expiry, and the user still existing with that role,
/// an enabled token and the current token generation) or a consumer's API key. HTTP requests and
/// WebSocket <c>connection_init</c> payloads both come through here, so both accept exactly the same credentials.
/// </summary>
public sealed class CallerAuthenticator(SigningKey key, UserStore users, ConsumerStore consumers)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>Accepts <c>Bearer &lt;jwt&gt;</c>, <c>ApiKey &lt;key&gt;</c>, or a bare JWT or API key.</summary>
    public Task<ClaimsPrincipal?> AuthenticateAsync(string credential, CancellationToken cancellationToken)
    {
        var (scheme, secret) = Split(credential.Trim());
        return scheme switch
        {
            "apikey" => AuthenticateApiKeyAsync(secret, cancellationToken),
            "bearer" or "" when secret.StartsWith(ConsumerStore.KeyPrefix, StringComparison.Ordinal) => AuthenticateApiKeyAsync(secret, cancellationToken),
            "bearer" or "" => AuthenticateJwtAsync(secret, cancellationToken),
            _ => Task.FromResult<ClaimsPrincipal?>(null),
        };
    }

    public async Task<ClaimsPrincipal?> AuthenticateApiKeyAsync(string apiKey, CancellationToken cancellationToken) =>
        await consumers.FindByKeyAsync(apiKey, cancellationToken) is { } consumer
            ? CallerClaims.ForConsumer(consumer.Id, consumer.Name)
            : null;

    private async Task<ClaimsPrincipal?> AuthenticateJwtAsync(string token, CancellationToken cancellationToken)
    {
        var result = await handler.ValidateTokenAsync(token, key.ValidationParameters);
        if (!result.IsValid
            || result.ClaimsIdentity.FindFirst(CallerClaims.Name)?.Value is not { } username
            || !int.TryParse(result.ClaimsIdentity.FindFirst(CallerClaims.TokenGeneration)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            return null;
        }

        // The role comes from the database, not the token, so a demotion takes effect at once.
        var user = await users.FindAsync(username, cancellationToken);
        return user is { TokenEnabled: true } && user.TokenGeneration == generation
            ? CallerClaims.ForUser(user.Username, user.Role)
            : null;
    }

    private static (string Scheme, string Secret) Split(string credential)
    {
        var space = credential.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? ("", credential)
            : (credential[..space].ToLowerInvariant(), credential[(space + 1)..].Trim());
    }
}
