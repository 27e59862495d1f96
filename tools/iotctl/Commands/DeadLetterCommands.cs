using System.CommandLine;
using System.Text.Json.Nodes;
using IoTStack.Cli.Api;
using IoTStack.Cli.Console;

namespace IoTStack.Cli.Commands;

/// <summary>Messages a stage could not process: inspect them, and put them back once the cause is fixed.</summary>
public static class DeadLetterCommands
{
    public static Command Create()
    {
        var limit = new Option<int?>("--limit") { Description = "The most dead letters to show, oldest first (default: all).", HelpName = "n" };
        var plain = Options.Plain();
        var id = new Argument<string>("id") { Description = "The dead letter's id, as 'dlq ls' prints it." };

        var ls = new Command("ls", "List dead letters.").With(limit, plain).Calls(async (parse, api, ct) =>
        {
            var letters = await Connections.AllAsync(
                api, "deadLetters", "id reason originalExchange deadLetteredAt body", atMost: parse.GetValue(limit), cancellationToken: ct);
            return Output.Items(letters, parse.GetValue(plain), PlainLine);
        });

        var requeue = new Command("requeue", "Put a dead letter back on its original exchange.") { id }.Calls(async (parse, api, ct) =>
        {
            await api.SendAsync("mutation($id: String!) { requeueDeadLetter(id: $id) }", new { id = parse.GetValue(id) }, ct);
            return Output.Json(new JsonObject { ["id"] = parse.GetValue(id), ["requeued"] = true });
        });

        return new Command("dlq", "Dead letters.") { ls, requeue };
    }

    private static string PlainLine(JsonNode letter) =>
        $"{letter["id"]}\t{letter["deadLetteredAt"]}\t{letter["originalExchange"]}\t{letter["reason"]}";
}
