using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IoTStack.Api.Auth;

/// <summary>The HMAC key behind every JWT the API issues and accepts, and the rules a token must pass.</summary>
public sealed partial class SigningKey
{
    private const int MinimumKeyBytes = 32;

    public SigningKey(IOptions<AuthOptions> options, ILogger<SigningKey> logger)
    {
        var settings = options.Value;
        // The secret's UTF-8 bytes are the key: any generated secret works, whatever alphabet its generator uses.
        var keyBytes = settings.SigningKey is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : EphemeralKey(logger);
        if (keyBytes.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"Auth:SigningKey must be a random secret of at least {MinimumKeyBytes} characters.");
        }

        Credentials = new SigningCredentials(new SymmetricSecurityKey(keyBytes), SecurityAlgorithms.HmacSha256);
        Issuer = settings.Issuer;
        Lifetime = settings.TokenLifetime;
        ValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Issuer,
            IssuerSigningKey = Credentials.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = CallerClaims.Name,
            RoleClaimType = CallerClaims.Role,
        };
    }

    public SigningCredentials Credentials { get; }

    public string Issuer { get; }

    public TimeSpan Lifetime { get; }

    public TokenValidationParameters ValidationParameters { get; }

    private static byte[] EphemeralKey(ILogger logger)
    {
        LogEphemeralKey(logger);
        return RandomNumberGenerator.GetBytes(MinimumKeyBytes * 2);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:SigningKey is not set: signing tokens with a random key that lasts as long as this process.")]
    private static partial void LogEphemeralKey(ILogger logger);
}
