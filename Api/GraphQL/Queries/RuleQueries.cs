using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Paging;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Rules.Persistence;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>The stored rule documents: operators and above, like their management (they reveal topics and thresholds).</summary>
public static class RuleQueries
{
    public static void AddRuleQueries(this ObjectGraphType query) =>
        query.Connection<RuleDocumentType>("ruleDocuments")
            .Description("The stored documents, by name.")
            .Configure(field => field.RequireAtLeast(Roles.Operator))
            .ResolveKeysetAsync(
                (context, afterName, take) => context.Service<RuleDocumentStore>().PageAsync(afterName, take, context.CancellationToken),
                (StoredRuleDocument document) => document.Name);
}
