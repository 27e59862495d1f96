using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Paging;
using IoTStack.Api.GraphQL.Types;

namespace IoTStack.Api.GraphQL.Queries;

/// <summary>Users and consumers (admin only).</summary>
public static class AccessQueries
{
    public static void AddAccessQueries(this ObjectGraphType query)
    {
        query.Connection<UserType>("users")
            .Description("The API users, by username.")
            .Configure(field => field.RequireAtLeast(Roles.Admin))
            .ResolveKeysetAsync(
                (context, afterUsername, take) => context.Service<UserStore>().PageAsync(afterUsername, take, context.CancellationToken),
                (UserAccount user) => user.Username);

        query.Connection<ConsumerType>("consumers")
            .Description("The consumers (API keys), by id.")
            .Configure(field => field.RequireAtLeast(Roles.Admin))
            .ResolveKeysetAsync(
                (context, afterId, take) => context.Service<ConsumerStore>().PageAsync(afterId, take, context.CancellationToken),
                (Consumer consumer) => consumer.Id);
    }
}
