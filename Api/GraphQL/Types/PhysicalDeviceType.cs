using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.DataLoading;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Types;

/// <summary>Physical devices are for users only: consumers see logical devices, never the hardware behind them.</summary>
public sealed class PhysicalDeviceType : ObjectGraphType<PhysicalDevice>
{
    public PhysicalDeviceType()
    {
        Name = "PhysicalDevice";
        this.RequireAtLeast(Roles.Reader);
        Field(x => x.Uid);
        Field(x => x.Source);
        Field(x => x.Name);
        Field(x => x.Location, typeof(LocationType));
        Field(x => x.LastSeen, nullable: true);
        Field(x => x.SourceIds).Description("Source-specific identifiers, a JSON object.");
        Field(x => x.Properties).Description("Free-form properties, a JSON object.");
        Field(x => x.CreatedAt);
        Field<LogicalDeviceType>("currentLogicalDevice")
            .Description("The logical device this device currently sends to, if mapped.")
            .Resolve(context => context.RequestServices!.GetRequiredService<DeviceLoaders>().CurrentLogicalOfPhysical.Load(context.Source.Uid));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MappingType>>>>("mappingHistory")
            .Description("Every mapping of this device, newest first.")
            .Resolve(context => context.RequestServices!.GetRequiredService<DeviceLoaders>().HistoryOfPhysical.Load(context.Source.Uid));
    }
}
