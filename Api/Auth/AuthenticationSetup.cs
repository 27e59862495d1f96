using IoTStack.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationSetup
{
    /// <summary>Users (passwords, JWTs), consumers (API keys) and the first admin.</summary>
    public static WebApplicationBuilder AddIoTStackAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SigningKey>();
        builder.Services.AddSingleton<UserPasswords>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<ConsumerStore>();
        builder.Services.AddSingleton<UserTokenIssuer>();
        builder.Services.AddSingleton<CallerAuthenticator>();
        builder.Services.AddHostedService<FirstAdminSeeder>();
        builder.Services.AddAuthentication(CallerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CallerAuthenticationHandler>(CallerAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddRolePolicies();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>
    /// Authenticates every request, and answers 401 at once when a credential was presented but is not valid:
    /// a caller with a broken token must hear so, not be served as anonymous.
    /// </summary>
    public static WebApplication UseIoTStackAuthentication(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<SigningKey>(); // a malformed key stops the start, not the first sign-in
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync();
            if (result.Failure is not null)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
        return app;
    }
}
