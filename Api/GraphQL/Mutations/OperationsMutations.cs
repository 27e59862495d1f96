using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Mutations;

/// <summary>Device tokens (admins) and dead-letter requeueing (operators).</summary>
public static class OperationsMutations
{
    public static void AddOperationsMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DeviceTokenType>>("issueDeviceToken")
            .Description("A new token the physical device sends with over MQTT or HTTP. It is shown only in this answer.")
            .Argument<NonNullGraphType<LongGraphType>>("physicalUid")
            .Argument<StringGraphType>("description")
            .Argument<DateTimeOffsetGraphType>("expiresAt")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context =>
            {
                var physicalUid = context.GetArgument<long>("physicalUid");
                _ = await context.Service<PhysicalDeviceStore>().GetAsync(physicalUid, context.CancellationToken)
                    ?? throw ApiErrors.NotFoundError("That physical device");
                return await context.Service<IDeviceTokens>().IssueAsync(
                    physicalUid, context.GetArgument<string?>("description"), context.GetArgument<DateTimeOffset?>("expiresAt")?.ToUniversalTime(), context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("revokeDeviceToken")
            .Description("True when the token was active and is now revoked.")
            .Argument<NonNullGraphType<LongGraphType>>("tokenId")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context => await context.Service<IDeviceTokens>().RevokeAsync(context.GetArgument<long>("tokenId"), context.CancellationToken));

        mutation.Field<NonNullGraphType<BooleanGraphType>>("requeueDeadLetter")
            .Description("Puts a dead letter back on its original exchange.")
            .Argument<NonNullGraphType<StringGraphType>>("id")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
                await context.Service<IDeadLetters>().RequeueAsync(context.GetArgument<string>("id"), context.CancellationToken)
                    ? true
                    : throw ApiErrors.NotFoundError("That dead letter"));
    }
}
