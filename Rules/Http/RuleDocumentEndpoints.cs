using IoTStack.Rules.Documents;
using IoTStack.Rules.Http;
using IoTStack.Rules.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The seed's management shape for users migrating fr_script documents: GET/POST/PATCH/DELETE of the JSON document
/// at <c>/api/v1/fr</c> (<c>?name=</c> picks a document other than "default"). The host adds authorisation to the
/// returned group (the Api: operator role).
/// </summary>
public static class RuleDocumentEndpoints
{
    public const string Path = "/api/v1/fr";

    public static RouteGroupBuilder MapRuleDocumentApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path);
        group.MapGet("/", GetAsync);
        group.MapPost("/", PostAsync);
        group.MapPatch("/", PatchAsync);
        group.MapDelete("/", DeleteAsync);
        return group;
    }

    private static async Task<IResult> GetAsync(RuleDocumentStore store, string? name, CancellationToken cancellationToken) =>
        await store.GetAsync(name ?? RuleDocumentStore.DefaultName, cancellationToken) is { } stored
            ? Results.Text(stored.Json, "application/json")
            : Results.Text(RuleDocumentPatch.Empty, "application/json");

    /// <summary>Creates or replaces the whole document.</summary>
    private static async Task<IResult> PostAsync(RuleDocumentStore store, HttpRequest request, string? name, CancellationToken cancellationToken) =>
        await SaveAsync(store, name, await RuleDocumentPatch.ReadBodyAsync(request, cancellationToken), created: true, cancellationToken);

    /// <summary>Replaces the parts the body names ("filters" and/or "rules"), keeping the other.</summary>
    private static async Task<IResult> PatchAsync(RuleDocumentStore store, HttpRequest request, string? name, CancellationToken cancellationToken)
    {
        var body = await RuleDocumentPatch.ReadBodyAsync(request, cancellationToken);
        var current = await store.GetAsync(name ?? RuleDocumentStore.DefaultName, cancellationToken);
        if (current is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "There is no document to update; POST one first.");
        }

        return await SaveAsync(store, name, body is null ? null : RuleDocumentPatch.Merge(current.Json, body), created: false, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(RuleDocumentStore store, string? name, CancellationToken cancellationToken) =>
        await store.DeleteAsync(name ?? RuleDocumentStore.DefaultName, cancellationToken)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "There is no document to delete.");

    private static async Task<IResult> SaveAsync(RuleDocumentStore store, string? name, string? json, bool created, CancellationToken cancellationToken)
    {
        try
        {
            if (json is null)
            {
                throw new RuleDocumentException([new("document", "the body must be a JSON object")]);
            }

            var saved = await store.PutAsync(name ?? RuleDocumentStore.DefaultName, json, cancellationToken);
            return created
                ? Results.Text(saved.Json, "application/json", statusCode: StatusCodes.Status201Created)
                : Results.Text(saved.Json, "application/json");
        }
        catch (RuleDocumentException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The rule document is not valid",
                detail: exception.Message, extensions: new Dictionary<string, object?> { ["errors"] = exception.Errors.Select(e => e.ToString()).ToList() });
        }
    }
}
