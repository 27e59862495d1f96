using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Queries;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Mutations;

/// <summary>The device registry and mappings (operators).</summary>
public static class RegistryMutations
{
    public static void AddRegistryMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PhysicalDeviceType>>("createPhysicalDevice")
            .Argument<NonNullGraphType<PhysicalDeviceInputType>>("input")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                var input = CheckPhysical(context.GetArgument<PhysicalDevicePatch>("input"));
                if (string.IsNullOrWhiteSpace(input.Source) || string.IsNullOrWhiteSpace(input.Name))
                {
                    throw ApiErrors.BadInput("A physical device needs a source and a name.");
                }

                return await context.Service<PhysicalDeviceStore>().CreateAsync(input, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<PhysicalDeviceType>>("updatePhysicalDevice")
            .Description("Changes only the fields given.")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .Argument<NonNullGraphType<PhysicalDeviceInputType>>("input")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
                await context.Service<PhysicalDeviceStore>().UpdateAsync(
                    context.GetArgument<long>("uid"), CheckPhysical(context.GetArgument<PhysicalDevicePatch>("input")), context.CancellationToken)
                ?? throw ApiErrors.NotFoundError("That physical device"));

        mutation.Field<NonNullGraphType<PhysicalDeviceType>>("deletePhysicalDevice")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
                await context.Service<PhysicalDeviceStore>().DeleteAsync(context.GetArgument<long>("uid"), context.CancellationToken)
                ?? throw ApiErrors.NotFoundError("That physical device"));

        mutation.Field<NonNullGraphType<LogicalDeviceType>>("createLogicalDevice")
            .Argument<NonNullGraphType<LogicalDeviceInputType>>("input")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
            {
                var input = CheckLogical(context.GetArgument<LogicalDevicePatch>("input"));
                return string.IsNullOrWhiteSpace(input.Name)
                    ? throw ApiErrors.BadInput("A logical device needs a name.")
                    : await context.Service<LogicalDeviceStore>().CreateAsync(input, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LogicalDeviceType>>("updateLogicalDevice")
            .Description("Changes only the fields given.")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .Argument<NonNullGraphType<LogicalDeviceInputType>>("input")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
                await context.Service<LogicalDeviceStore>().UpdateAsync(
                    context.GetArgument<long>("uid"), CheckLogical(context.GetArgument<LogicalDevicePatch>("input")), context.CancellationToken)
                ?? throw ApiErrors.NotFoundError("That logical device"));

        mutation.Field<NonNullGraphType<LogicalDeviceType>>("deleteLogicalDevice")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .RequireAtLeast(Roles.Operator)
            .ResolveAsync(async context =>
                await context.Service<LogicalDeviceStore>().DeleteAsync(context.GetArgument<long>("uid"), context.CancellationToken)
                ?? throw ApiErrors.NotFoundError("That logical device"));

        mutation.AddMappingMutations();
    }

    private static PhysicalDevicePatch CheckPhysical(PhysicalDevicePatch patch) => patch with
    {
        SourceIds = JsonObjectText.Check(patch.SourceIds, "sourceIds"),
        Properties = JsonObjectText.Check(patch.Properties, "properties"),
    };

    private static LogicalDevicePatch CheckLogical(LogicalDevicePatch patch) => patch with
    {
        Properties = JsonObjectText.Check(patch.Properties, "properties"),
    };

    private static void AddMappingMutations(this ObjectGraphType mutation)
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
