using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Rules.Documents;
using IoTStack.Rules.Persistence;

namespace IoTStack.Api.GraphQL.Mutations;

/// <summary>
/// Saving and deleting rule documents: operators and above. Every Ingest replica reloads within a second of a save
/// (PostgreSQL NOTIFY); a document that does not compile is refused whole and nothing is saved.
/// </summary>
public static class RuleMutations
{
    public static void AddRuleMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RuleDocumentType>>("putRuleDocument")
            .Description("Creates or replaces a document. Invalid documents fail with INVALID_RULE_DOCUMENT, naming each problem's place.")
            .Argument<NonNullGraphType<StringGraphType>>("document", "The JSON document: { \"filters\": [...], \"rules\": [...] }.")
            .Argument<StringGraphType>("name", "Letters, digits, '_', '-', '.'; default 'default' (the one /api/v1/fr serves).")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                try
                {
                    return await context.Service<RuleDocumentStore>().PutAsync(NameOf(context), context.GetArgument<string>("document"), context.CancellationToken);
                }
                catch (RuleDocumentException exception)
                {
                    throw ApiErrors.InvalidRuleDocumentError(exception.Errors.Select(error => error.ToString()).ToList());
                }
            });

        mutation.Field<NonNullGraphType<RuleDocumentType>>("deleteRuleDocument")
            .Description("Deletes a document and returns it; its outputs stop once the Ingest replicas reload.")
            .Argument<StringGraphType>("name", "Default 'default'.")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                var store = context.Service<RuleDocumentStore>();
                var name = NameOf(context);
                return await store.GetAsync(name, context.CancellationToken) is { } stored && await store.DeleteAsync(name, context.CancellationToken)
                    ? stored
                    : throw ApiErrors.NotFoundError($"Rule document '{name}'");
            });
    }

    private static string NameOf(IResolveFieldContext context) => context.GetArgument<string?>("name") ?? RuleDocumentStore.DefaultName;
}
