using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Types;

namespace IoTStack.Api.GraphQL.Subscriptions;

public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<TelemetryPointType>>("telemetry")
            .Description("Each accepted point of the logical device as it is stored; keeps streaming when the physical device is replaced.")
            .Argument<NonNullGraphType<LongGraphType>>("logicalUid")
            .RequireAtLeast(Roles.Reader).AllowConsumers()
            .ResolveStreamAsync(async context =>
            {
                var uid = context.GetArgument<long>("logicalUid");
                await context.EnsureCanReadLogicalAsync(uid);
                return context.Service<ITelemetryFeed>().Watch(uid);
            });
    }
}
