using GraphQL.Types;

namespace IoTStack.Api.GraphQL.Queries;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        this.AddRegistryQueries();
        this.AddSeriesQueries();
        this.AddOperationsQueries();
        this.AddAccessQueries();
        this.AddReportQueries();
        this.AddRuleQueries();
    }
}
