using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace IoTStack.Api.Auth;

/// <summary>
/// Answers a refused endpoint with problem+json, like the Api's other HTTP errors: 401 without a credential, 403
/// naming the roles that would do. (ASP.NET Core's default writes a bare status: our challenge has no body.)
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Send a bearer token.").ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(requirement => requirement.AllowedRoles);
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not use this endpoint.",
                detail: $"It needs one of the roles: {string.Join(", ", roles)}.").ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
