namespace IoTStack.Cli.Api;

public static class ApiUrls
{
    /// <summary>An absolute http(s) URL ending in '/', so relative paths ("graphql", "api/token") resolve under it.</summary>
    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"'{text}' is not an http(s) URL of the Api.");
        }

        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
