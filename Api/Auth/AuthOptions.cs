namespace IoTStack.Api.Auth;

/// <summary>The <c>Auth</c> configuration section (<c>Auth__SigningKey</c>, <c>Auth__AdminPassword</c>, ...).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// A random secret of at least 32 characters (e.g. <c>openssl rand -base64 48</c>); signs and verifies the API's
    /// JWTs (HMAC-SHA256).
    /// The AppHost generates it once and keeps it in its state folder, so tokens survive restarts. When it is missing
    /// the API signs with a random key of its own: safe, but tokens then die with the process and differ per replica.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Password of the first admin, created only while the users table is empty. Never defaulted.</summary>
    public string? AdminPassword { get; set; }

    public string AdminUser { get; set; } = "admin";

    public string Issuer { get; set; } = "iotstack";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
