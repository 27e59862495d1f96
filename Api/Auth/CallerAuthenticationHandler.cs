using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IoTStack.Api.Auth;

/// <summary>
/// ASP.NET Core's view of <see cref="CallerAuthenticator"/>: reads <c>Authorization</c> (Bearer JWT or ApiKey)
/// or <c>X-Api-Key</c>. No credential means an anonymous caller; a wrong one fails and is answered with 401.
/// </summary>
public sealed class CallerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CallerAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "IoTStack";
    public const string ApiKeyHeader = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? credential = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(credential) && Request.Headers.TryGetValue(ApiKeyHeader, out var apiKey))
        {
            credential = "ApiKey " + apiKey;
        }

        if (string.IsNullOrWhiteSpace(credential))
        {
            return AuthenticateResult.NoResult();
        }

        if (credential.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // Basic credentials belong to the token endpoint alone, which checks them itself.
            return AuthenticateResult.NoResult();
        }

        var caller = await authenticator.AuthenticateAsync(credential, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("The token or API key is invalid, expired or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(caller, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
