using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Paging;
using IoTStack.Api.GraphQL.Types;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>Devices, sources and the mapping history (IoTa's <c>pd</c>, <c>ld</c> and <c>map ls</c>).</summary>
public static class RegistryQueries
{
    public static void AddRegistryQueries(this ObjectGraphType query)
    {
        query.Connection<PhysicalDeviceType>("physicalDevices")
            .Argument<StringGraphType>("source", "Only devices from this source.")
            .Argument<BooleanGraphType>("mapped", "Only devices that are (true) or are not (false) currently mapped.")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveKeysetAsync(
                (context, afterUid, take) => PhysicalPageAsync(context, context.GetArgument<bool?>("mapped"), afterUid, take),
                (PhysicalDevice device) => device.Uid);

        query.Connection<PhysicalDeviceType>("unmappedPhysicalDevices")
            .Argument<StringGraphType>("source", "Only devices from this source.")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveKeysetAsync(
                (context, afterUid, take) => PhysicalPageAsync(context, mapped: false, afterUid, take),
                (PhysicalDevice device) => device.Uid);

        query.Field<PhysicalDeviceType>("physicalDevice")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .RequireAtLeast(Roles.Reader)
            .ResolveAsync(async context => await context.Service<PhysicalDeviceStore>().GetAsync(context.GetArgument<long>("uid"), context.CancellationToken));

        query.Connection<LogicalDeviceType>("logicalDevices")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveKeysetAsync(
                (context, afterUid, take) => context.Service<LogicalDeviceStore>().PageAsync(afterUid, take, context.CancellationToken),
                (LogicalDevice device) => device.Uid);

        query.Field<LogicalDeviceType>("logicalDevice")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .RequireAtLeast(Roles.Reader).AllowConsumers()
            .ResolveAsync(async context =>
            {
                var uid = context.GetArgument<long>("uid");
                await context.EnsureCanReadLogicalAsync(uid);
                return await context.Service<LogicalDeviceStore>().GetAsync(uid, context.CancellationToken);
            });

        query.Connection<MappingType>("mappingHistory")
            .Description("The mapping history of one device, newest first; give exactly one of physicalUid and logicalUid.")
            .Argument<LongGraphType>("physicalUid")
            .Argument<LongGraphType>("logicalUid")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveKeysetAsync(
                (context, after, take) =>
                {
                    var (physicalUid, logicalUid) = OneDevice(context);
                    return context.Service<MappingStore>().HistoryPageAsync(physicalUid, logicalUid, after, take, context.CancellationToken);
                },
                (Mapping mapping) => mapping.Key);

        query.Connection<SourceType>("sources")
            .Description("Where physical devices come from, by name.")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveKeysetAsync(
                (context, afterName, take) => context.Service<SourceStore>().PageAsync(afterName, take, context.CancellationToken),
                (Source source) => source.Name);
    }

    /// <summary>IoTa's "either a physical or a logical device identifier, but not both".</summary>
    public static (long? PhysicalUid, long? LogicalUid) OneDevice(IResolveFieldContext context)
    {
        var physicalUid = context.GetArgument<long?>("physicalUid");
        var logicalUid = context.GetArgument<long?>("logicalUid");
        return (physicalUid, logicalUid) switch
        {
            (null, null) or (not null, not null) => throw ApiErrors.BadInput("Give exactly one of physicalUid and logicalUid."),
            _ => (physicalUid, logicalUid),
        };
    }

    private static Task<IReadOnlyList<PhysicalDevice>> PhysicalPageAsync(IResolveFieldContext context, bool? mapped, long afterUid, int take) =>
        context.Service<PhysicalDeviceStore>().PageAsync(context.GetArgument<string?>("source"), mapped, afterUid, take, context.CancellationToken);
}
