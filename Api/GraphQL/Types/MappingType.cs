using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.DataLoading;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Types;

public sealed class MappingType : ObjectGraphType<Mapping>
{
    public MappingType()
    {
        Name = "Mapping";
        this.RequireAtLeast(Roles.Reader);
        Field(x => x.PhysicalUid);
        Field(x => x.LogicalUid);
        Field(x => x.StartTime);
        Field(x => x.EndTime, nullable: true).Description("Null while the mapping is open.");
        Field<NonNullGraphType<BooleanGraphType>>("isOpen").Resolve(context => context.Source.EndTime is null);
        Field<PhysicalDeviceType>("physicalDevice")
            .Resolve(context => context.RequestServices!.GetRequiredService<DeviceLoaders>().PhysicalByUid.Load(context.Source.PhysicalUid));
        Field<LogicalDeviceType>("logicalDevice")
            .Resolve(context => context.RequestServices!.GetRequiredService<DeviceLoaders>().LogicalByUid.Load(context.Source.LogicalUid));
    }
}
