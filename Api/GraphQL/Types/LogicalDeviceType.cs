using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.DataLoading;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Types;

/// <summary>Readable by users and by consumers granted the device (the fields that reach it check the grant).</summary>
public sealed class LogicalDeviceType : ObjectGraphType<LogicalDevice>
{
    public LogicalDeviceType()
    {
        Name = "LogicalDevice";
        this.RequireAtLeast(Roles.Reader).AllowConsumers();
        Field(x => x.Uid);
        Field(x => x.Name);
        Field(x => x.Location, typeof(LocationType));
        Field(x => x.LastSeen, nullable: true);
        Field(x => x.Properties).Description("Free-form properties, a JSON object.");
        Field(x => x.CreatedAt);
        Field<PhysicalDeviceType>("currentPhysicalDevice")
            .Description("The physical device currently sending for this device, if mapped.")
            .Resolve(context => context.RequestServices!.GetRequiredService<DeviceLoaders>().CurrentPhysicalOfLogical.Load(context.Source.Uid));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MappingType>>>>("mappingHistory")
            .Description("Every mapping of this device, newest first.")
            .RequireAtLeast(Roles.Reader)
            .Resolve(context => context.RequestServices!.GetRequiredService<DeviceLoaders>().HistoryOfLogical.Load(context.Source.Uid));
    }
}
