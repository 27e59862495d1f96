using System.Text;

namespace IoTStack.Cli.Console;

/// <summary>A password from the -p option, else one line of piped stdin, else typed at a prompt without echo.</summary>
public static class PasswordReader
{
    public static string Read(string? given, string prompt)
    {
        var password = given ?? (System.Console.IsInputRedirected ? System.Console.In.ReadLine() : Prompt(prompt));
        return string.IsNullOrEmpty(password) ? throw new UsageException("A password is required.") : password;
    }

    private static string Prompt(string prompt)
    {
        System.Console.Error.Write(prompt);
        var password = new StringBuilder();
        for (var key = System.Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = System.Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        System.Console.Error.WriteLine();
        return password.ToString();
    }
}
