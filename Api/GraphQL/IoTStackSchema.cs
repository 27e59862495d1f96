using GraphQL.Types;
using IoTStack.Api.GraphQL.Mutations;
using IoTStack.Api.GraphQL.Queries;
using IoTStack.Api.GraphQL.Subscriptions;

namespace IoTStack.Api.GraphQL;

public sealed class IoTStackSchema : Schema
{
    public IoTStackSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
