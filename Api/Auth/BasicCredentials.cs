using System.Net.Http.Headers;
using System.Text;

namespace IoTStack.Api.Auth;

/// <summary>Reads an HTTP Basic <c>Authorization</c> header (RFC 7617).</summary>
public static class BasicCredentials
{
    public static bool TryParse(string? header, out string username, out string password)
    {
        username = password = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        username = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }
}
