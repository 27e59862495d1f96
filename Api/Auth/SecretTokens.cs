using System.Security.Cryptography;
using System.Text;

namespace IoTStack.Api.Auth;

/// <summary>
/// Random bearer secrets (API keys). They carry 256 bits of entropy, so an unsalted SHA-256 is a safe look-up key
/// and a slow password hash would only slow every request down.
/// </summary>
public static class SecretTokens
{
    public static string Generate(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
