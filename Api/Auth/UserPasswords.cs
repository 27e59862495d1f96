using Microsoft.AspNetCore.Identity;

namespace IoTStack.Api.Auth;

/// <summary>Hashes and checks passwords with ASP.NET Core Identity's PBKDF2 hasher (salted, versioned format).</summary>
public sealed class UserPasswords
{
    public const int MinimumLength = 12;

    private readonly PasswordHasher<string> hasher = new();

    public string Hash(string username, string password)
    {
        if (password.Length < MinimumLength)
        {
            throw new ArgumentException($"A password needs at least {MinimumLength} characters.", nameof(password));
        }

        return hasher.HashPassword(username, password);
    }

    public bool Verify(UserAccount account, string password) =>
        hasher.VerifyHashedPassword(account.Username, account.PasswordHash, password) != PasswordVerificationResult.Failed;
}
