using System.Xml;
using GraphQL;
using GraphQL.Types;
using IoTStack.Api.GraphQL.Paging;
using IoTStack.Api.Reports;

namespace IoTStack.Api.GraphQL.Types;

public sealed class ReportDefinitionType : ObjectGraphType<ReportDefinition>
{
    public ReportDefinitionType()
    {
        Name = "ReportDefinition";
        Description = "The built-in report (per logical device and series) over 'period' up to each cron occurrence.";
        Field(x => x.Id);
        Field(x => x.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LongGraphType>>>>("logicalUids").Resolve(context => context.Source.LogicalUids);
        Field(x => x.Cron).Description("5 fields, or 6 with seconds first.");
        Field(x => x.TimeZone).Description("The IANA time zone the cron is read in.");
        Field<NonNullGraphType<StringGraphType>>("period").Description("ISO-8601 duration.").Resolve(context => XmlConvert.ToString(context.Source.Period));
        Field(x => x.CreatedAt);
        Connection<ReportRunType>("runs")
            .Description("Its runs, latest period first.")
            .ResolveKeysetAsync(
                (context, after, take) => context.Service<ReportStore>().RunsPageAsync(context.Source.Id, after, take, context.CancellationToken),
                (ReportRun run) => run.Key);
    }
}

public sealed class ReportRunType : ObjectGraphType<ReportRun>
{
    public ReportRunType()
    {
        Name = "ReportRun";
        Field(x => x.Id);
        Field(x => x.DefinitionId);
        Field(x => x.ScheduledFor, nullable: true).Description("The cron occurrence; null for a run asked for with runReport.");
        Field(x => x.PeriodStart);
        Field(x => x.PeriodEnd).Description("Exclusive.");
        Field(x => x.RunBy).Description("The silo, or the user who asked.");
        Field(x => x.FinishedAt);
        Field<NonNullGraphType<StringGraphType>>("csvPath").Resolve(context => $"/reports/{context.Source.Id}.csv");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportResultType>>>>("results")
            .ResolveAsync(async context => await context.Service<ReportStore>().ResultsAsync(context.Source.Id, context.CancellationToken));
    }
}

public sealed class ReportResultType : ObjectGraphType<ReportResultRow>
{
    public ReportResultType()
    {
        Name = "ReportResult";
        Description = "One logical device's series over the run's period; min, max and avg over its numeric points.";
        Field(x => x.LogicalUid);
        Field(x => x.Name);
        Field(x => x.Count);
        Field(x => x.Min, nullable: true);
        Field(x => x.Max, nullable: true);
        Field(x => x.Avg, nullable: true);
        Field(x => x.FirstTimestamp);
        Field(x => x.LastTimestamp);
        Field<NonNullGraphType<FloatGraphType>>("longestGapSeconds")
            .Description("The longest time between two consecutive points (0 with a single point).")
            .Resolve(context => context.Source.LongestGap.TotalSeconds);
    }
}
