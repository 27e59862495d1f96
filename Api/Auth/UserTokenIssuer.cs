using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IoTStack.Api.Auth;

/// <summary>Issues the bearer token IoTa's <c>GET /api/token</c> hands out, as a signed JWT.</summary>
public sealed class UserTokenIssuer(SigningKey key, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public string Issue(UserAccount user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = key.Issuer,
            Audience = key.Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + key.Lifetime,
            SigningCredentials = key.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(CallerClaims.Name, user.Username),
                new Claim(CallerClaims.Role, user.Role),
                new Claim(CallerClaims.TokenGeneration, user.TokenGeneration.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
            ]),
        });
    }
}
