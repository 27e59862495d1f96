namespace IoTStack.Api.Auth;

/// <summary>IoTa's <c>GET /api/token</c>: HTTP Basic credentials in, a bearer token (a JSON string) out.</summary>
public static class TokenEndpoint
{
    public const string Path = "/api/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, IssueAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> IssueAsync(HttpContext context, UserStore users, UserPasswords passwords, UserTokenIssuer issuer)
    {
        if (!BasicCredentials.TryParse(context.Request.Headers.Authorization, out var username, out var password))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"iotstack\", charset=\"UTF-8\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "HTTP Basic credentials are required.");
        }

        var user = await users.FindAsync(username, context.RequestAborted);
        if (user is null || !passwords.Verify(user, password))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"iotstack\", charset=\"UTF-8\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown user or wrong password.");
        }

        return user.TokenEnabled
            ? Results.Json(issuer.Issue(user))
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This user's token is disabled.");
    }
}
