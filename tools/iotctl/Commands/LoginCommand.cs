using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;

namespace IoTStack.Cli.Commands;

/// <summary>Signs in through the Api's <c>GET /api/token</c> (IoTa's Basic → token) and stores the token for later commands.</summary>
public static class LoginCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = $"The Api's base URL (default: ${Session.UrlVariable}).", HelpName = "url" };
        var user = Options.User();
        var password = Options.Password();

        var login = new Command("login", $"Sign in and store the token in {Session.FilePath}.").With(url, user, password);
        login.SetAction(async (parse, ct) =>
        {
            var apiUrl = ApiUrls.Parse(parse.GetValue(url) ?? Environment.GetEnvironmentVariable(Session.UrlVariable)
                ?? throw new UsageException($"Give --url or set {Session.UrlVariable}."));
            var username = parse.GetValue(user)!;
            var secret = PasswordReader.Read(parse.GetValue(password), $"Password for {username}: ");

            using var http = new HttpClient { BaseAddress = apiUrl };
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/token");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{secret}")));
            using var response = await new GraphQLClient(http, "").SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new ApiException($"Login failed for {username}: wrong user name or password, or the user's token is disabled.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException($"Login failed: the Api answered {(int)response.StatusCode}.");
            }

            var token = JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync(ct)) ?? throw new ApiException("The Api sent no token.");
            new Session(apiUrl, token).Save();
            await System.Console.Error.WriteLineAsync($"Logged in to {apiUrl} as {username}.");
            return IotctlApp.Ok;
        });
        return login;
    }
}
