using GraphQL.Types;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Types;

/// <summary>Device fields for create and update; on update only the fields given change.</summary>
public sealed class PhysicalDeviceInputType : InputObjectGraphType<PhysicalDevicePatch>
{
    public PhysicalDeviceInputType()
    {
        Name = "PhysicalDeviceInput";
        Field(x => x.Source, nullable: true).Description("Required on create.");
        Field(x => x.Name, nullable: true).Description("Required on create.");
        Field(x => x.Location, typeof(LocationInputType));
        Field(x => x.LastSeen, nullable: true);
        Field(x => x.SourceIds, nullable: true).Description("A JSON object.");
        Field(x => x.Properties, nullable: true).Description("A JSON object.");
    }
}

public sealed class LogicalDeviceInputType : InputObjectGraphType<LogicalDevicePatch>
{
    public LogicalDeviceInputType()
    {
        Name = "LogicalDeviceInput";
        Field(x => x.Name, nullable: true).Description("Required on create.");
        Field(x => x.Location, typeof(LocationInputType));
        Field(x => x.LastSeen, nullable: true);
        Field(x => x.Properties, nullable: true).Description("A JSON object.");
    }
}
