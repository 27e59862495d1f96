using System.Xml;
using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Registry;
using IoTStack.Api.Reports;
using IoTStack.Contracts.Reports;

namespace IoTStack.Api.GraphQL.Mutations;

/// <summary>Creating and running reports: operators and above. The Silo picks new definitions up on its next scan.</summary>
public static class ReportMutations
{
    public static void AddReportMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ReportDefinitionType>>("createReportDefinition")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<LongGraphType>>>>("logicalUids")
            .Argument<NonNullGraphType<StringGraphType>>("cron", "5 fields, or 6 with seconds first, e.g. '0 6 * * *'.")
            .Argument<NonNullGraphType<StringGraphType>>("timeZone", "An IANA time zone, e.g. 'Australia/Sydney'.")
            .Argument<NonNullGraphType<StringGraphType>>("period", "How far back each run looks, an ISO-8601 duration, e.g. P1D.")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                var cron = context.GetArgument<string>("cron");
                var timeZone = context.GetArgument<string>("timeZone");
                if (!ReportSchedule.TryParse(cron, timeZone, out _, out var error))
                {
                    throw ApiErrors.BadInput(error);
                }

                var uids = context.GetArgument<List<long>>("logicalUids").Distinct().ToList();
                var known = await context.Service<LogicalDeviceStore>().GetManyAsync(uids, context.CancellationToken);
                if (uids.Count == 0 || known.Count != uids.Count)
                {
                    throw ApiErrors.BadInput("Give one or more existing logical device uids.");
                }

                return await context.Service<ReportStore>().CreateAsync(
                    context.GetArgument<string>("name"), uids, cron, timeZone, ParsePeriod(context.GetArgument<string>("period")), context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ReportRunType>>("runReport")
            .Description("Runs a report now (or over the period ending at 'periodEnd') and stores its results.")
            .Argument<NonNullGraphType<LongGraphType>>("definitionId")
            .Argument<DateTimeOffsetGraphType>("periodEnd")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
                await context.Service<ReportStore>().RunNowAsync(
                    context.GetArgument<long>("definitionId"), context.GetArgument<DateTimeOffset?>("periodEnd") ?? DateTimeOffset.UtcNow,
                    context.User?.Identity?.Name ?? "api", context.CancellationToken)
                ?? throw ApiErrors.NotFoundError("That report definition"));
    }

    private static TimeSpan ParsePeriod(string period)
    {
        TimeSpan span;
        try
        {
            span = XmlConvert.ToTimeSpan(period);
        }
        catch (FormatException)
        {
            throw ApiErrors.BadInput($"'{period}' is not an ISO-8601 duration such as PT1H or P7D.");
        }

        return span > TimeSpan.Zero ? span : throw ApiErrors.BadInput("'period' must be positive.");
    }
}
