using System.CommandLine;

namespace IoTStack.Cli;

/// <summary>Bad usage: the problem, then the command's usage line, on stderr (exit code 2).</summary>
public static class Usage
{
    public static int Fail(Command command, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            System.Console.Error.WriteLine($"iotctl: {problem}");
        }

        System.Console.Error.WriteLine($"Usage: {Line(command)}");
        System.Console.Error.WriteLine($"Run '{Path(command)} --help' for more.");
        return IotctlApp.BadUsage;
    }

    /// <summary>"iotctl pd get --puid &lt;puid&gt; [--properties]": the command path, required options, then optional ones.</summary>
    public static string Line(Command command)
    {
        var options = command.Options.Where(option => option.Name is not "--help" and not "-h" and not "-?" and not "--version")
            .Select(option =>
            {
                var text = option.ValueType == typeof(bool) ? option.Name : $"{option.Name} <{option.HelpName ?? option.Name.TrimStart('-')}>";
                return option.Required ? text : $"[{text}]";
            });
        var arguments = command.Arguments.Select(argument => $"<{argument.Name}>");
        return string.Join(' ', new[] { Path(command) }.Concat(arguments).Concat(options));
    }

    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? "iotctl" : current.Name);
        }

        return string.Join(' ', names);
    }
}

/// <summary>Thrown by a command that finds its input unusable (invalid JSON, missing password): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
