using System.Text.Json.Nodes;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Queries;

/// <summary>
/// Every GraphQL operation 'dlq' sends, in one place: when <c>deadLetters</c> becomes a Relay connection only this
/// file changes, the commands keep getting a plain array of letters.
/// </summary>
public static class DeadLetterQueries
{
    private const string LetterFields = "id reason originalExchange deadLetteredAt body";

    /// <summary>The oldest dead letters, at most <paramref name="limit"/> (the Api's default page when null).</summary>
    public static async Task<JsonArray> ListAsync(GraphQLClient api, int? limit, CancellationToken cancellationToken) =>
        (await api.SendAsync($"query($n: Int) {{ deadLetters(limit: $n) {{ {LetterFields} }} }}", new { n = limit }, cancellationToken))["deadLetters"]!.AsArray();

    /// <summary>Puts the letter back on its original exchange; the Api answers NOT_FOUND (an <see cref="ApiException"/>) for an unknown id.</summary>
    public static Task RequeueAsync(GraphQLClient api, string id, CancellationToken cancellationToken) =>
        api.SendAsync("mutation($id: String!) { requeueDeadLetter(id: $id) }", new { id }, cancellationToken);
}
