using System.CommandLine;
using IoTStack.Cli.Api;
using IoTStack.Cli.Commands;

namespace IoTStack.Cli;

/// <summary>Builds the command tree and maps outcomes to exit codes: 0 ok, 1 failed operation, 2 bad usage.</summary>
public static class IotctlApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("iotctl: manage IoTStack devices, mappings, users, tokens and reports (IoTa's broker-cli).")
        {
            LoginCommand.Create(),
            PhysicalDeviceCommands.Create(),
            LogicalDeviceCommands.Create(),
            MappingCommands.Create(),
            UserCommands.Create(),
            TokenCommands.Create(),
            RawMessageCommands.Create(),
            DeadLetterCommands.Create(),
            ReportCommands.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return Usage.Fail(parsed.CommandResult.Command, parsed.Errors.Select(error => error.Message));
        }

        try
        {
            // Our failures carry their own message and exit code; the default handler would print a stack trace.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException exception)
        {
            return Usage.Fail(parsed.CommandResult.Command, [exception.Message]);
        }
        catch (ApiException exception)
        {
            await System.Console.Error.WriteLineAsync($"iotctl: {exception.Message}");
            return Failed;
        }
    }
}
