using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Queries;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Mutations;

/// <summary>Mapping physical devices to logical ones (IoTa's <c>map start</c> / <c>map end</c>), through the device grains.</summary>
public static class MappingMutations
{
    public static void AddMappingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<LogicalDeviceType>>("createLogicalDeviceFromPhysical")
            .Description("IoTa's convenience: a logical device with the physical device's name and location, mapped to it from now on.")
            .Argument<NonNullGraphType<LongGraphType>>("physicalUid")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                var physical = await context.Service<PhysicalDeviceStore>().GetAsync(context.GetArgument<long>("physicalUid"), context.CancellationToken)
                    ?? throw ApiErrors.NotFoundError("That physical device");
                var logical = await context.Service<LogicalDeviceStore>().CreateAsync(
                    new LogicalDevicePatch(physical.Name, physical.Location), context.CancellationToken);
                await context.Service<IDeviceMappings>().MapAsync(physical.Uid, logical.Uid, context.CancellationToken);
                return logical;
            });

        mutation.Field<NonNullGraphType<MappingType>>("mapDevices")
            .Description("Maps the devices from now on, ending any open mapping of either.")
            .Argument<NonNullGraphType<LongGraphType>>("physicalUid")
            .Argument<NonNullGraphType<LongGraphType>>("logicalUid")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                var physicalUid = context.GetArgument<long>("physicalUid");
                var logicalUid = context.GetArgument<long>("logicalUid");
                _ = await context.Service<PhysicalDeviceStore>().GetAsync(physicalUid, context.CancellationToken) ?? throw ApiErrors.NotFoundError("That physical device");
                _ = await context.Service<LogicalDeviceStore>().GetAsync(logicalUid, context.CancellationToken) ?? throw ApiErrors.NotFoundError("That logical device");
                return await context.Service<IDeviceMappings>().MapAsync(physicalUid, logicalUid, context.CancellationToken);
            });

        mutation.Field<MappingType>("endMapping")
            .Description("Ends the open mapping of one device (give exactly one uid); null when it had none.")
            .Argument<LongGraphType>("physicalUid")
            .Argument<LongGraphType>("logicalUid")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                var (physicalUid, logicalUid) = RegistryQueries.OneDevice(context);
                var mappings = context.Service<IDeviceMappings>();
                return physicalUid is { } puid
                    ? await mappings.EndForPhysicalAsync(puid, context.CancellationToken)
                    : await mappings.EndForLogicalAsync(logicalUid!.Value, context.CancellationToken);
            });
    }
}
