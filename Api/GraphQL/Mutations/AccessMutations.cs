using GraphQL;
using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;
using IoTStack.Api.GraphQL.Types;

namespace IoTStack.Api.GraphQL.Mutations;

/// <summary>IoTa's <c>users</c> commands and TUM's consumers (admins).</summary>
public static class AccessMutations
{
    public static void AddAccessMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UserType>>("addUser")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .Argument<NonNullGraphType<StringGraphType>>("password")
            .Argument<NonNullGraphType<StringGraphType>>("role", "admin, operator or reader.")
            .Argument<BooleanGraphType>("tokenDisabled", "Create the user with its token disabled (IoTa's -d).")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context =>
            {
                var role = context.GetArgument<string>("role");
                if (!Roles.IsUserRole(role))
                {
                    throw ApiErrors.BadInput("'role' must be admin, operator or reader.");
                }

                return await UserInputAsync(() => context.Service<UserStore>().AddAsync(
                        context.GetArgument<string>("username"), context.GetArgument<string>("password"), role,
                        !context.GetArgument("tokenDisabled", false), context.CancellationToken))
                    ?? throw ApiErrors.BadInput("That username is taken.");
            });

        AddUserChange(mutation, "removeUser", (users, name, _, ct) => users.RemoveAsync(name, ct));
        AddUserChange(mutation, "changePassword", (users, name, password, ct) => users.ChangePasswordAsync(name, password!, ct), withPassword: true);
        AddUserChange(mutation, "refreshUserToken", (users, name, _, ct) => users.RefreshTokenAsync(name, ct));
        AddUserChange(mutation, "disableUserToken", (users, name, _, ct) => users.SetTokenEnabledAsync(name, false, ct));
        AddUserChange(mutation, "enableUserToken", (users, name, _, ct) => users.SetTokenEnabledAsync(name, true, ct));

        mutation.Field<NonNullGraphType<ConsumerKeyType>>("createConsumer")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context =>
                await context.Service<ConsumerStore>().CreateAsync(context.GetArgument<string>("name"), context.CancellationToken)
                ?? throw ApiErrors.BadInput("A consumer of that name exists."));

        mutation.Field<NonNullGraphType<ConsumerType>>("grantConsumer")
            .Description("Lets the consumer read one logical device.")
            .Argument<NonNullGraphType<LongGraphType>>("consumerId")
            .Argument<NonNullGraphType<LongGraphType>>("logicalUid")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context =>
                await context.Service<ConsumerStore>().GrantAsync(context.GetArgument<long>("consumerId"), context.GetArgument<long>("logicalUid"), context.CancellationToken)
                ?? throw ApiErrors.NotFoundError("That consumer"));

        mutation.Field<NonNullGraphType<ConsumerType>>("revokeConsumer")
            .Description("Withdraws one grant, or, without logicalUid, the consumer's API key altogether.")
            .Argument<NonNullGraphType<LongGraphType>>("consumerId")
            .Argument<LongGraphType>("logicalUid")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context =>
                await context.Service<ConsumerStore>().RevokeAsync(context.GetArgument<long>("consumerId"), context.GetArgument<long?>("logicalUid"), context.CancellationToken)
                ?? throw ApiErrors.NotFoundError("That consumer"));
    }

    private static void AddUserChange(
        ObjectGraphType mutation, string name, Func<UserStore, string, string?, CancellationToken, Task<UserAccount?>> change, bool withPassword = false)
    {
        var field = mutation.Field<NonNullGraphType<UserType>>(name)
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .RequireAtLeast(Roles.Admin)
            .ResolveAsync(async context =>
                await UserInputAsync(() => change(
                    context.Service<UserStore>(), context.GetArgument<string>("username"),
                    withPassword ? context.GetArgument<string>("password") : null, context.CancellationToken))
                ?? throw ApiErrors.NotFoundError("That user"));
        if (withPassword)
        {
            field.Argument<NonNullGraphType<StringGraphType>>("password");
        }
    }

    /// <summary>Password rules are checked where passwords are hashed; their complaints are the caller's to fix.</summary>
    private static async Task<UserAccount?> UserInputAsync(Func<Task<UserAccount?>> action)
    {
        try
        {
            return await action();
        }
        catch (ArgumentException exception)
        {
            throw ApiErrors.BadInput(exception.Message);
        }
    }
}
