using System.Text.Json;

namespace IoTStack.Cli.Api;

/// <summary>
/// Where the Api is and who we are: the login stored in the user's config folder, overridden by
/// IOTSTACK_API_URL and IOTSTACK_TOKEN (for scripts and CI, which should not write a config file).
/// </summary>
public sealed record Session(Uri ApiUrl, string Token)
{
    public const string UrlVariable = "IOTSTACK_API_URL";
    public const string TokenVariable = "IOTSTACK_TOKEN";

    /// <summary>$XDG_CONFIG_HOME/iotstack/iotctl.json on Linux, %APPDATA%\iotstack\iotctl.json on Windows.</summary>
    public static string FilePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "iotstack", "iotctl.json");

    public static Session Load()
    {
        var stored = ReadStored();
        var url = Environment.GetEnvironmentVariable(UrlVariable) ?? stored?.ApiUrl.ToString();
        var token = Environment.GetEnvironmentVariable(TokenVariable) ?? stored?.Token;
        if (url is null || string.IsNullOrEmpty(token))
        {
            throw new ApiException($"Not logged in. Run 'iotctl login --url <api> -u <user>' or set {UrlVariable} and {TokenVariable}.");
        }

        return new Session(ApiUrls.Parse(url), token);
    }

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, JsonSerializer.Serialize(this));
        if (!OperatingSystem.IsWindows())
        {
            // The token is a credential: readable by its owner only.
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public GraphQLClient CreateClient() => new(new HttpClient { BaseAddress = ApiUrl }, Token);

    private static Session? ReadStored()
    {
        try
        {
            return File.Exists(FilePath) ? JsonSerializer.Deserialize<Session>(File.ReadAllText(FilePath)) : null;
        }
        catch (JsonException)
        {
            throw new ApiException($"The stored login {FilePath} is unreadable; run 'iotctl login' again.");
        }
    }
}
