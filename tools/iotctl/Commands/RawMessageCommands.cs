using System.CommandLine;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;
using IoTStack.Cli.Queries;

namespace IoTStack.Cli.Commands;

/// <summary>Messages exactly as received, found by the correlation id every later stage carries.</summary>
public static class RawMessageCommands
{
    public static Command Create()
    {
        var correlationId = new Option<Guid>("--correlation-id") { Description = "The message's correlation id.", Required = true, HelpName = "uuid" };

        var get = new Command("get", "Show the raw message with this correlation id.").With(correlationId).Calls(async (parse, api, ct) =>
        {
            var id = parse.GetValue(correlationId);
            return Output.Json(await RawMessageQueries.FindAsync(api, id, ct) ?? throw new ApiException($"No raw message with correlation id {id}."));
        });

        return new Command("raw", "Raw messages.") { get };
    }
}
