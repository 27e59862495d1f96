using Microsoft.Extensions.Options;

namespace IoTStack.Api.Auth;

/// <summary>
/// Creates the first admin from <c>Auth:AdminPassword</c> (generated and printed once by the AppHost) while no user
/// exists. There is no default password: without the setting no admin is created and the API says so.
/// Runs after the database migrator, which is registered (and therefore started) first.
/// </summary>
public sealed partial class FirstAdminSeeder(UserStore users, IOptions<AuthOptions> options, ILogger<FirstAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AdminPassword))
        {
            LogNoAdmin(logger);
            return;
        }

        await users.AddAsync(settings.AdminUser, settings.AdminPassword, Roles.Admin, tokenEnabled: true, cancellationToken);
        LogAdminCreated(logger, settings.AdminUser);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No users exist and Auth:AdminPassword is not set: nobody can sign in until it is.")]
    private static partial void LogNoAdmin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin user '{Username}' from Auth:AdminPassword")]
    private static partial void LogAdminCreated(ILogger logger, string username);
}
