using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Rules.Persistence;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>The stored rule documents: operators and above, like their management (they reveal topics and thresholds).</summary>
public static class RuleQueries
{
    public static void AddRuleQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleDocumentType>>>>("ruleDocuments")
            .Description("Every stored document, by name.")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context => await context.Service<RuleDocumentStore>().ListAsync(context.CancellationToken));
}
