using System.Text.Json.Nodes;
using IoTStack.Cli.Api;

namespace IoTStack.Cli.Queries;

/// <summary>
/// Every GraphQL operation 'dlq' sends, in one place: <c>deadLetters</c> is a Relay connection; the commands get a
/// plain array of letters.
/// </summary>
public static class DeadLetterQueries
{
    private const string LetterFields = "id reason originalExchange deadLetteredAt body";

    /// <summary>The oldest dead letters, at most <paramref name="limit"/> (all of them when null), read page by page.</summary>
    public static Task<JsonArray> ListAsync(GraphQLClient api, int? limit, CancellationToken cancellationToken) =>
        Connections.AllAsync(api, "deadLetters", LetterFields, atMost: limit, cancellationToken: cancellationToken);

    /// <summary>Puts the letter back on its original exchange; the Api answers NOT_FOUND (an <see cref="ApiException"/>) for an unknown id.</summary>
    public static Task RequeueAsync(GraphQLClient api, string id, CancellationToken cancellationToken) =>
        api.SendAsync("mutation($id: String!) { requeueDeadLetter(id: $id) }", new { id }, cancellationToken);
}
