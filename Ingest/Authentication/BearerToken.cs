using System.Diagnostics.CodeAnalysis;

namespace IoTStack.Ingest.Authentication;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c> (scheme case-insensitive, as TUM devices send it lower-case).</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <returns>False with a reason when the header is missing or not a bearer token.</returns>
    public static bool TryRead(string? header, [NotNullWhen(true)] out string? token, [NotNullWhen(false)] out string? problem)
    {
        token = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            problem = "The Authorization header is missing; send 'Authorization: Bearer <device token>'.";
            return false;
        }

        var value = header.Trim();
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || value.Length == Scheme.Length ||
            value.AsSpan(Scheme.Length).Trim().ContainsAny(' ', '\t'))
        {
            problem = "The Authorization header is malformed; expected 'Bearer <device token>'.";
            return false;
        }

        token = value[Scheme.Length..].Trim();
        return true;
    }
}
