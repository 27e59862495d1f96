using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Paging;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Reports;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>Scheduled reports and their stored runs: readers and above (reports span many devices, so not consumers).</summary>
public static class ReportQueries
{
    public static void AddReportQueries(this ObjectGraphType query)
    {
        query.Connection<ReportDefinitionType>("reportDefinitions")
            .Description("The report definitions, oldest first (by id).")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveKeysetAsync(
                (context, afterId, take) => context.Service<ReportStore>().DefinitionsPageAsync(afterId, take, context.CancellationToken),
                (ReportDefinition definition) => definition.Id);

        query.Field<ReportRunType>("reportRun")
            .Description("One run with its results; null when there is no such run.")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .RequireAtLeast(Roles.Reader)
            .ResolveAsync(async context => await context.Service<ReportStore>().FindRunAsync(context.GetArgument<long>("id"), context.CancellationToken));
    }
}
