using GraphQL.Types;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Types;

public sealed class SourceType : ObjectGraphType<Source>
{
    public SourceType()
    {
        Name = "Source";
        Field(x => x.Name);
        Field(x => x.Description, nullable: true);
    }
}
