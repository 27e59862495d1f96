using System.CommandLine;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;

namespace IoTStack.Cli.Commands;

/// <summary>Messages exactly as received, found by the correlation id every later stage carries.</summary>
public static class RawMessageCommands
{
    private const string Fields = "correlationId receivedAt source physicalUid device topic contentType status reason payloadText payloadBase64";

    public static Command Create()
    {
        var correlationId = new Option<Guid>("--correlation-id") { Description = "The message's correlation id.", Required = true, HelpName = "uuid" };

        var get = new Command("get", "Show the raw message with this correlation id.").With(correlationId).Calls(async (parse, api, ct) =>
        {
            var id = parse.GetValue(correlationId);
            var messages = await Connections.AllAsync(api, "rawMessages", Fields, "correlationId: $c", ", $c: Guid", new() { ["c"] = id }, cancellationToken: ct);
            return messages.Count > 0 ? Output.Json(messages[0]) : throw new Api.ApiException($"No raw message with correlation id {id}.");
        });

        return new Command("raw", "Raw messages.") { get };
    }
}
