using CliWrap;

namespace IoTStack.Hosting;

/// <summary>
/// Servers such as PostgreSQL refuse to run as root. When the AppHost is root we start them as their service user
/// through <c>setpriv</c>, which execs the server in place so our signals reach it directly.
/// </summary>
internal static class RunAs
{
    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    public static ProcessSpec ServiceUser(string user, string fileName, IReadOnlyList<string> arguments) => IsRoot
        ? new ProcessSpec("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", fileName, .. arguments])
        : new ProcessSpec(fileName, arguments);

    /// <summary>Hands a file or folder tree to the service user (only needed, and only possible, as root).</summary>
    public static async Task GiveToServiceUserAsync(string path, string user, CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await Cli.Wrap("chown").WithArguments(["-R", $"{user}:{user}", path]).ExecuteAsync(cancellationToken);
        }
    }
}
