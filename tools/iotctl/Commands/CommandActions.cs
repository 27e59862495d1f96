using System.CommandLine;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Commands;

public static class CommandActions
{
    /// <summary>Runs the action with a client for the stored (or environment) login.</summary>
    public static Command Calls(this Command command, Func<ParseResult, GraphQLClient, CancellationToken, Task<int>> action)
    {
        command.SetAction((parse, cancellationToken) => action(parse, Session.Load().CreateClient(), cancellationToken));
        return command;
    }

    public static Command With(this Command command, params Option[] options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }
}
