using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Limits;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Operations;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>What operators look at when something went wrong: raw messages and dead letters.</summary>
public static class OperationsQueries
{
    public static void AddOperationsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RawMessageType>>>>("rawMessages")
            .Description("Messages as received, newest first: one by correlation id, or a physical device's within [from, to).")
            .Argument<GuidGraphType>("correlationId")
            .Argument<LongGraphType>("physicalUid")
            .Argument<DateTimeOffsetGraphType>("from")
            .Argument<DateTimeOffsetGraphType>("to")
            .Argument<IntGraphType>("limit")
            .RequireAtLeast(Roles.Reader)
            .ResolveAsync(async context =>
            {
                var correlationId = context.GetArgument<Guid?>("correlationId");
                var physicalUid = context.GetArgument<long?>("physicalUid");
                if (correlationId is null == physicalUid is null)
                {
                    throw ApiErrors.BadInput("Give exactly one of correlationId and physicalUid.");
                }

                return await context.Service<RawMessageStore>().FindAsync(
                    correlationId, physicalUid, context.GetArgument<DateTimeOffset?>("from"), context.GetArgument<DateTimeOffset?>("to"),
                    PageSize.Of(context, context.GetArgument<int?>("limit")), context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeadLetterType>>>>("deadLetters")
            .Description("Messages parked on the dead-letter queue, oldest first.")
            .Argument<IntGraphType>("limit")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
                await context.Service<IDeadLetters>().ListAsync(PageSize.Of(context, context.GetArgument<int?>("limit")), context.CancellationToken));
    }
}
