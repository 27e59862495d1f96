using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Limits;
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
            .ResolveAsync(async context => await PhysicalPageAsync(context, context.GetArgument<bool?>("mapped")));

        query.Connection<PhysicalDeviceType>("unmappedPhysicalDevices")
            .Argument<StringGraphType>("source", "Only devices from this source.")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveAsync(async context => await PhysicalPageAsync(context, mapped: false));

        query.Field<PhysicalDeviceType>("physicalDevice")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .RequireAtLeast(Roles.Reader)
            .ResolveAsync(async context => await context.Service<PhysicalDeviceStore>().GetAsync(context.GetArgument<long>("uid"), context.CancellationToken));

        query.Connection<LogicalDeviceType>("logicalDevices")
            .Configure(field => field.RequireAtLeast(Roles.Reader))
            .ResolveAsync(async context =>
            {
                var size = PageSize.Of(context, context.First);
                var rows = await context.Service<LogicalDeviceStore>().PageAsync(Cursors.DecodeAfter(context.After), size, context.CancellationToken);
                return Cursors.ToConnection(rows, size, context.After is null, device => device.Uid);
            });

        query.Field<LogicalDeviceType>("logicalDevice")
            .Argument<NonNullGraphType<LongGraphType>>("uid")
            .RequireAtLeast(Roles.Reader).AllowConsumers()
            .ResolveAsync(async context =>
            {
                var uid = context.GetArgument<long>("uid");
                await context.EnsureCanReadLogicalAsync(uid);
                return await context.Service<LogicalDeviceStore>().GetAsync(uid, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MappingType>>>>("mappingHistory")
            .Description("The mapping history of one device, newest first; give exactly one of physicalUid and logicalUid.")
            .Argument<LongGraphType>("physicalUid")
            .Argument<LongGraphType>("logicalUid")
            .RequireAtLeast(Roles.Reader)
            .ResolveAsync(async context =>
            {
                var (physicalUid, logicalUid) = OneDevice(context);
                var mappings = context.Service<MappingStore>();
                return physicalUid is { } puid
                    ? (await mappings.HistoryByPhysicalAsync([puid], context.CancellationToken))[puid].ToList()
                    : (await mappings.HistoryByLogicalAsync([logicalUid!.Value], context.CancellationToken))[logicalUid.Value].ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources")
            .RequireAtLeast(Roles.Reader)
            .ResolveAsync(async context => await context.Service<SourceStore>().ListAsync(context.CancellationToken));
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

    private static async Task<object?> PhysicalPageAsync(global::GraphQL.Builders.IResolveConnectionContext<object?> context, bool? mapped)
    {
        var size = PageSize.Of(context, context.First);
        var rows = await context.Service<PhysicalDeviceStore>().PageAsync(
            context.GetArgument<string?>("source"), mapped, Cursors.DecodeAfter(context.After), size, context.CancellationToken);
        return Cursors.ToConnection(rows, size, context.After is null, device => device.Uid);
    }
}
