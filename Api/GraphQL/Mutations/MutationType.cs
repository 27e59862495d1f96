using GraphQL.Types;

namespace IoTStack.Api.GraphQL.Mutations;

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddRegistryMutations();
        this.AddMappingMutations();
        this.AddOperationsMutations();
        this.AddAccessMutations();
        this.AddReportMutations();
        this.AddRuleMutations();
    }
}
