using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Paging;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Operations;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>What operators look at when something went wrong: raw messages and dead letters.</summary>
public static class OperationsQueries
{
    public static void AddOperationsQueries(this ObjectGraphType query)
    {
        query.Connection<RawMessageType>("rawMessages")
            .Description("Messages as received, newest first: one by correlation id, or a physical device's within [from, to).")
            .Argument<GuidGraphType>("correlationId")
            .Argument<LongGraphType>("physicalUid")
            .Argument<DateTimeOffsetGraphType>("from")
            .Argument<DateTimeOffsetGraphType>("to")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveKeysetAsync(
                (context, after, take) =>
                {
                    var correlationId = context.GetArgument<Guid?>("correlationId");
                    var physicalUid = context.GetArgument<long?>("physicalUid");
                    return correlationId is null == physicalUid is null
                        ? throw ApiErrors.BadInput("Give exactly one of correlationId and physicalUid.")
                        : context.Service<RawMessageStore>().PageAsync(
                            correlationId, physicalUid, context.GetArgument<DateTimeOffset?>("from"), context.GetArgument<DateTimeOffset?>("to"),
                            after, take, context.CancellationToken);
                },
                (RawMessage message) => message.Key);

        query.Connection<DeadLetterType>("deadLetters")
            .Description("Messages parked on the dead-letter queue, oldest first.")
            .Configure(field => field.RequireAtLeast(Roles.Operator))
            .ResolveKeysetAsync(
                (context, after, take) => context.Service<IDeadLetters>().PageAsync(after, take, context.CancellationToken),
                (DeadLetter letter) => letter.Key);
    }
}
