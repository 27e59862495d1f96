using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Types;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>Users and consumers (admin only).</summary>
public static class AccessQueries
{
    public static void AddAccessQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("users")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context => await context.Service<UserStore>().ListAsync(context.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsumerType>>>>("consumers")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context => await context.Service<ConsumerStore>().ListAsync(context.CancellationToken));
    }
}
