using System.Xml;
using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Limits;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Series;
using Microsoft.Extensions.Options;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>Stored series (bucketed with <c>date_bin</c>), their names as a tree, and the latest values from the grain.</summary>
public static class SeriesQueries
{
    public static void AddSeriesQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesPointType>>>>("series")
            .Description("Points of a logical device in [from, to), ordered by name then time; bucketed and aggregated when an interval is given.")
            .Argument<NonNullGraphType<LongGraphType>>("logicalUid")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("names", "Only these series (all when omitted).")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("to")
            .Argument<StringGraphType>("interval", "Bucket width as an ISO-8601 duration, e.g. PT15M; buckets start at 'from'.")
            .Argument<SeriesAggregateType>("aggregate", "How a bucket's points combine (default AVG).")
            .Argument<IntGraphType>("limit", "The most rows to return.")
            .RequireAtLeast(Roles.Reader).AllowConsumers()
            .ResolveAsync(async context =>
            {
                var request = ReadSeriesQuery(context, context.Service<IOptions<QueryLimits>>().Value);
                await context.EnsureCanReadLogicalAsync(request.LogicalUid);
                return await context.Service<SeriesReader>().ReadAsync(request, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesTreeNodeType>>>>("seriesTree")
            .Description("The device's series names as a tree of their slash-separated segments.")
            .Argument<NonNullGraphType<LongGraphType>>("logicalUid")
            .RequireAtLeast(Roles.Reader).AllowConsumers()
            .ResolveAsync(async context =>
            {
                var uid = context.GetArgument<long>("logicalUid");
                await context.EnsureCanReadLogicalAsync(uid);
                return SeriesTree.Build(await context.Service<SeriesReader>().NamesAsync(uid, context.CancellationToken));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LatestValueType>>>>("latest")
            .Description("The newest value of each series, from the logical device grain (not the database).")
            .Argument<NonNullGraphType<LongGraphType>>("logicalUid")
            .RequireAtLeast(Roles.Reader).AllowConsumers()
            .ResolveAsync(async context =>
            {
                var uid = context.GetArgument<long>("logicalUid");
                await context.EnsureCanReadLogicalAsync(uid);
                return await context.Service<ILatestValues>().GetAsync(uid, context.CancellationToken);
            });
    }

    /// <summary>Reads and checks the arguments of <c>series</c>.</summary>
    public static SeriesQuery ReadSeriesQuery(IResolveFieldContext context, QueryLimits limits)
    {
        var from = context.GetArgument<DateTimeOffset>("from");
        var to = context.GetArgument<DateTimeOffset>("to");
        if (to <= from)
        {
            throw ApiErrors.BadInput("'to' must be later than 'from'.");
        }

        var interval = ParseInterval(context.GetArgument<string?>("interval"));
        var limit = context.GetArgument<int?>("limit") ?? limits.MaxSeriesRows;
        if (limit < 1 || limit > limits.MaxSeriesRows)
        {
            throw ApiErrors.PageTooLarge($"'limit' must be between 1 and {limits.MaxSeriesRows}.");
        }

        return new SeriesQuery(
            context.GetArgument<long>("logicalUid"), context.GetArgument<List<string>?>("names"), from, to, interval,
            context.GetArgument("aggregate", SeriesAggregate.Avg), limit);
    }

    private static TimeSpan? ParseInterval(string? interval)
    {
        if (interval is null)
        {
            return null;
        }

        TimeSpan span;
        try
        {
            span = XmlConvert.ToTimeSpan(interval);
        }
        catch (FormatException)
        {
            throw ApiErrors.BadInput($"'{interval}' is not an ISO-8601 duration such as PT1M or P1D.");
        }

        return span > TimeSpan.Zero ? span : throw ApiErrors.BadInput("'interval' must be positive.");
    }
}
