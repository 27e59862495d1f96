using System.Security.Cryptography;
using System.Text;

namespace IoTStack.Storage.Devices;

/// <summary>
/// Device tokens and source secrets: 256 random bits, shown once, stored only as their SHA-256.
/// A fast hash is safe here (unlike for passwords) because the secret has full entropy: there is nothing to guess.
/// </summary>
public static class SecretToken
{
    private const int RandomBytes = 32;

    /// <summary>A new URL-safe secret; <paramref name="prefix"/> tells a reader which kind of secret it is.</summary>
    public static string Generate(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
