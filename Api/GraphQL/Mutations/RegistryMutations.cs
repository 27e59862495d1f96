using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
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
}
