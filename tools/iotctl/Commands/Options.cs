using System.CommandLine;

namespace IoTStack.Cli.Commands;

/// <summary>The options broker-cli's commands share, with its names.</summary>
public static class Options
{
    public static Option<long> Puid(bool required = true) => new("--puid") { Description = "Physical device uid.", Required = required, HelpName = "uid" };

    public static Option<long> Luid(bool required = true) => new("--luid") { Description = "Logical device uid.", Required = required, HelpName = "uid" };

    public static Option<bool> Plain() => new("--plain") { Description = "One line per item instead of JSON." };

    public static Option<bool> Properties() => new("--properties") { Description = "Include the properties field." };

    public static Option<string> Source() => new("--source") { Description = "Only devices from this source.", HelpName = "source" };

    public static Option<string> Json() => new("--json") { Description = "The JSON object inline.", HelpName = "json" };

    public static Option<string> File() => new("--file") { Description = "A file holding the JSON object, '-' for stdin.", HelpName = "file" };

    public static Option<string> User() => new("--user", "-u") { Description = "User name.", Required = true, HelpName = "username" };

    public static Option<string> Password() => new("--password", "-p") { Description = "Password (prompted, or read from piped stdin, when omitted).", HelpName = "password" };

    /// <summary>IoTa's "--file and --json are mutually exclusive" (and one of them is needed), checked while parsing.</summary>
    public static Command WithJsonInput(this Command command, Option<string> json, Option<string> file) =>
        command.ExactlyOneOf(json, file);

    public static Command ExactlyOneOf(this Command command, params Option[] options)
    {
        command.Validators.Add(result =>
        {
            var given = options.Count(option => result.GetResult(option) is { Implicit: false });
            if (given != 1)
            {
                var names = string.Join(" and ", options.Select(option => option.Name));
                result.AddError(given == 0 ? $"Give one of {names.Replace(" and ", " or ", StringComparison.Ordinal)}." : $"The options {names} are mutually exclusive.");
            }
        });
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }
}
